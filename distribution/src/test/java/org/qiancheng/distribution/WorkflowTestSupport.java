package org.qiancheng.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.qiancheng.distribution.WorkflowSteps.awaitActive;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.inject.Inject;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.qiancheng.api.registry.PolicyRegistry;

/**
 * The base of the in-framework workflow tests over HTTP: the shipped Sichuan policy and the 2025 test
 * policy (region 990000) on the base configuration, and before each test the REST resources
 * registered, both regions active and "today" back at {@link #BASE_DAY}. Each test uses its own
 * records (the framework and its fresh database are shared by the class) and moves the clock as its
 * classes need: filed before their start, attended during, outcomes and claims after their end.
 */
public abstract class WorkflowTestSupport extends PlatformTestSupport {

    @Inject
    BundleContext context;

    @Inject
    PolicyRegistry registry;

    @Inject
    ConfigurationAdmin configurations;

    /** The day every test starts on: {@link PlatformTestSupport#TODAY}. */
    static final LocalDate BASE_DAY = LocalDate.ofInstant(Instant.parse(TODAY), ZoneOffset.UTC);

    Http http;
    WorkflowSteps steps;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration(
                bundle(DIST.resolve("defaults/deploy/region-sichuan-2025.1.0.jar").toUri().toString()),
                bundle(Path.of(System.getProperty("qc.fixtures", "target/fixtures"))
                        .resolve("policy-fixture-2-2025.1.0.jar").toUri().toString()));
    }

    @Before
    public void serverReady() throws Exception {
        Whiteboard.await(context, d -> Dtos.resources(d).containsAll(List.of("qiancheng.institutions",
                "qiancheng.projects", "qiancheng.classes", "qiancheng.trainees", "qiancheng.enrolments",
                "qiancheng.claims", "qiancheng.paymentlist", "qiancheng.audit")), 30_000);
        awaitActive(registry, "510000", "990000");
        http = new Http(context.getProperty("org.osgi.service.http.port"));
        steps = new WorkflowSteps(http);
        today(BASE_DAY);
    }

    /** Moves the platform's "today" to the day (read back before it returns). */
    void today(LocalDate day) throws Exception {
        WorkflowSteps.today(configurations, context, day);
    }

    /** Moves the platform's "today" to the day, e.g. {@code 2026-12-30}. */
    void today(String day) throws Exception {
        today(LocalDate.parse(day));
    }
}
