package org.qiancheng.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class ClockComponentTest {

    @Test
    void aNewConfigurationMovesTodayInPlace() {
        ClockComponent clock = new ClockComponent(config("Asia/Shanghai", "2026-11-25T00:00:00Z"), context(null));
        assertEquals(LocalDate.parse("2026-11-25"), LocalDate.now(clock));

        clock.modified(config("Asia/Shanghai", "2027-01-05T00:00:00Z"));
        assertEquals(LocalDate.parse("2027-01-05"), LocalDate.now(clock));
        assertEquals(Instant.parse("2027-01-05T00:00:00Z"), clock.instant());

        // 20:00 UTC is the next day in Shanghai, the same day in UTC
        clock.modified(config("UTC", "2027-01-05T20:00:00Z"));
        assertEquals(ZoneId.of("UTC"), clock.getZone());
        assertEquals(LocalDate.parse("2027-01-05"), LocalDate.now(clock));
    }

    @Test
    void withoutAFixedInstantInTheConfigurationTheFrameworkPropertyApplies() {
        ClockComponent clock = new ClockComponent(config("Asia/Shanghai", "2020-06-01T00:00:00Z"),
                context("2026-11-25T00:00:00Z"));
        assertEquals(LocalDate.parse("2020-06-01"), LocalDate.now(clock));
        clock.modified(config("Asia/Shanghai", ""));
        assertEquals(LocalDate.parse("2026-11-25"), LocalDate.now(clock));
    }

    @Test
    void withNeitherTheClockRuns() {
        ClockComponent clock = new ClockComponent(config("Asia/Shanghai", "2020-06-01T00:00:00Z"), context(null));
        clock.modified(config("Asia/Shanghai", ""));
        assertNotEquals(LocalDate.parse("2020-06-01"), LocalDate.now(clock));
    }

    private static ClockComponent.Config config(String zone, String fixedInstant) {
        return new ClockComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClockComponent.Config.class;
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public String fixedInstant() {
                return fixedInstant;
            }
        };
    }

    /** A bundle context that answers only the framework property of the fixed clock. */
    private static BundleContext context(String fixed) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return ClockComponent.FIXED_PROPERTY.equals(args[0]) ? fixed : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
