package org.qiancheng.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's clock, a service so that "today" can be fixed for a demonstration or a test:
 * by configuration ({@code etc/org.qiancheng.clock.config}: {@code fixedInstant}) or, from the
 * very start, by the framework property {@code qc.clock.fixed} (the launcher sets it from
 * {@code QC_CLOCK_FIXED}); the configuration wins. A change of the configuration moves "today" in
 * place: the service stays registered, so nothing that uses it restarts; deleting the
 * configuration goes back to the framework property, or to the system clock.
 */
@Component(service = Clock.class, configurationPid = "org.qiancheng.clock")
@Designate(ocd = ClockComponent.Config.class)
public final class ClockComponent extends Clock {

    @ObjectClassDefinition(name = "Qiancheng clock")
    @interface Config {
        @AttributeDefinition(description = "Time zone of 'today' for programmes in China")
        String zone() default "Asia/Shanghai";

        @AttributeDefinition(description = "ISO instant to freeze the clock at; empty for the system clock")
        String fixedInstant() default "";
    }

    static final String FIXED_PROPERTY = "qc.clock.fixed";

    /** The framework property's instant, or {@code null}: it cannot change while the framework runs. */
    private final String fixedAtStart;
    private volatile Clock clock;

    @Activate
    public ClockComponent(Config config, BundleContext context) {
        this.fixedAtStart = context.getProperty(FIXED_PROPERTY);
        this.clock = clock(config);
    }

    /** A new configuration: the next reading of the clock has the new zone and instant. */
    @Modified
    void modified(Config config) {
        this.clock = clock(config);
    }

    private Clock clock(Config config) {
        ZoneId zone = ZoneId.of(config.zone());
        String fixed = config.fixedInstant().isBlank() ? fixedAtStart : config.fixedInstant();
        return fixed == null || fixed.isBlank() ? Clock.system(zone) : Clock.fixed(Instant.parse(fixed), zone);
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }
}
