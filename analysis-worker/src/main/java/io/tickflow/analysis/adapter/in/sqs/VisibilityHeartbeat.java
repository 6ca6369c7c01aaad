package io.tickflow.analysis.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a message invisible while this worker works on it: its visibility is set to the lease at once and renewed
 * every third of the lease. A worker that dies stops renewing, and the message reappears for another worker within one
 * lease, however long the work would have taken.
 */
public final class VisibilityHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(VisibilityHeartbeat.class);

    private final ScheduledExecutorService scheduler;
    private final Duration lease;

    public VisibilityHeartbeat(ScheduledExecutorService scheduler, Duration lease) {
        this.scheduler = scheduler;
        this.lease = lease;
    }

    /** Holds {@code visibility} until the returned lease is closed. */
    Lease hold(Visibility visibility) {
        int seconds = (int) lease.toSeconds();
        visibility.changeTo(seconds);
        long period = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal =
                scheduler.scheduleAtFixedRate(() -> renew(visibility, seconds), period, period, TimeUnit.MILLISECONDS);
        return () -> renewal.cancel(false);
    }

    // A failed renewal is not fatal: the next one may succeed, and if none does the message is redelivered, which the
    // work tolerates (studies resume, batches are stored under their id).
    private static void renew(Visibility visibility, int seconds) {
        try {
            visibility.changeTo(seconds);
        } catch (RuntimeException failed) {
            log.warn("Could not extend a message's visibility; it may be redelivered: {}", failed.toString());
        }
    }

    /** A held message; closing it stops the renewals. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
