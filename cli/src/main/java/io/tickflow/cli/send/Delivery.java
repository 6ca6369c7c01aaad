package io.tickflow.cli.send;

import io.tickflow.cli.batch.TickMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tally of a run's sending: messages and ticks sent, and those that were not, with why. Thread-safe. */
public final class Delivery {

    private static final int REASONS_KEPT = 5;

    private long messagesSent;
    private long ticksSent;
    private long messagesFailed;
    private long ticksFailed;
    private final List<String> reasons = new ArrayList<>();
    private @Nullable String stopReason;

    synchronized void sent(TickMessage message) {
        messagesSent++;
        ticksSent += message.ticks();
    }

    synchronized void failed(TickMessage message, String reason) {
        messagesFailed++;
        ticksFailed += message.ticks();
        if (reasons.size() < REASONS_KEPT && !reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    /** Records that nothing more will be sent, and why; the first reason is kept. */
    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    public synchronized long messagesSent() {
        return messagesSent;
    }

    public synchronized long ticksSent() {
        return ticksSent;
    }

    public synchronized long messagesFailed() {
        return messagesFailed;
    }

    public synchronized long ticksFailed() {
        return ticksFailed;
    }

    /** The distinct reasons messages were not sent, the first few. */
    public synchronized List<String> failureReasons() {
        return List.copyOf(reasons);
    }

    /** Why sending stopped for good, or null while it goes on. */
    public synchronized @Nullable String stopReason() {
        return stopReason;
    }
}
