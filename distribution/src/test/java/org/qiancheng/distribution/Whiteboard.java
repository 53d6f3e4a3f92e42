package org.qiancheng.distribution;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * Reads the whiteboard's runtime DTO as soon as it satisfies a condition: re-checks on every
 * service event (the runtime bumps its change count whenever its content changes) instead of
 * sleeping, and fails with the last DTO seen when the deadline passes.
 */
final class Whiteboard {

    private Whiteboard() {
    }

    static RuntimeDTO await(BundleContext context, Predicate<RuntimeDTO> condition, long timeoutMillis)
            throws InterruptedException {
        BlockingQueue<ServiceEvent> events = new LinkedBlockingQueue<>();
        ServiceListener listener = events::offer;
        context.addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            RuntimeDTO last = null;
            while (true) {
                last = current(context);
                if (last != null && condition.test(last)) {
                    return last;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || events.poll(left, TimeUnit.NANOSECONDS) == null) {
                    throw new AssertionError("whiteboard never reached the expected state; last runtime DTO: "
                            + Dtos.describe(last));
                }
            }
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private static RuntimeDTO current(BundleContext context) {
        ServiceReference<JakartarsServiceRuntime> reference = context.getServiceReference(JakartarsServiceRuntime.class);
        if (reference == null) {
            return null;
        }
        JakartarsServiceRuntime runtime = context.getService(reference);
        try {
            return runtime == null ? null : runtime.getRuntimeDTO();
        } finally {
            context.ungetService(reference);
        }
    }
}
