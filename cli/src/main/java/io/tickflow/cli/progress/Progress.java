package io.tickflow.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Reports progress on standard error: ticks read and sent, the rate, and, when the input's size is known (a file, an
 * S3 object), the share read and the time left. The share counts input bytes as stored, compressed or not.
 *
 * <p>{@link Mode#BAR} redraws one line in place, for a terminal; {@link Mode#LINES} prints a line every
 * {@code interval}, for logs and pipes; {@link Mode#NONE} is silent. Updates are cheap when nothing is due, so the
 * reading loop calls {@link #update} for every tick.
 */
public final class Progress {

    /** How progress is shown. */
    public enum Mode {
        BAR,
        LINES,
        NONE
    }

    private static final long BAR_REFRESH_NANOS = Duration.ofMillis(100).toNanos();
    private static final int BAR_WIDTH = 24;

    private final Mode mode;
    private final PrintStream err;
    private final OptionalLong totalBytes;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long start;
    private long lastShown;
    private int barLength;

    /**
     * @param mode how to show it
     * @param err where to show it
     * @param totalBytes the input's size, when known
     * @param nanoTime the clock ({@code System::nanoTime})
     * @param interval how often {@link Mode#LINES} prints
     */
    public Progress(Mode mode, PrintStream err, OptionalLong totalBytes, LongSupplier nanoTime, Duration interval) {
        this.mode = mode;
        this.err = err;
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.start = nanoTime.getAsLong();
        this.lastShown = start;
    }

    /** Shows the state if an update is due. */
    public void update(long ticksRead, long bytesRead, long ticksSent) {
        if (mode == Mode.NONE) {
            return;
        }
        long now = nanoTime.getAsLong();
        long due = mode == Mode.BAR ? BAR_REFRESH_NANOS : intervalNanos;
        if (now - lastShown < due) {
            return;
        }
        lastShown = now;
        show(now, ticksRead, bytesRead, ticksSent);
    }

    /** Prints a line of its own (an unreadable line, a warning) without garbling the bar. */
    public void note(String line) {
        clearBar();
        err.println(line);
    }

    /** Shows the final state and leaves the terminal on a fresh line. */
    public void finish(long ticksRead, long bytesRead, long ticksSent) {
        if (mode == Mode.BAR) {
            show(nanoTime.getAsLong(), ticksRead, bytesRead, ticksSent);
            err.println();
            barLength = 0;
        }
        err.flush();
    }

    /** Seconds since this progress started. */
    public double elapsedSeconds() {
        return (nanoTime.getAsLong() - start) / 1e9;
    }

    private void show(long now, long ticksRead, long bytesRead, long ticksSent) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        long rate = Math.round(ticksRead / seconds);
        String eta = "";
        String share = "";
        if (totalBytes.isPresent() && totalBytes.getAsLong() > 0) {
            double fraction = Math.min(1.0, (double) bytesRead / totalBytes.getAsLong());
            share = String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100));
            // Read-ahead buffers make the first second's share a poor guide.
            if (fraction > 0 && fraction < 1 && seconds >= 1) {
                eta = "ETA " + clock(seconds * (1 - fraction) / fraction);
            }
            if (mode == Mode.BAR) {
                int filled = (int) Math.round(fraction * BAR_WIDTH);
                share += " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
            }
        }
        if (mode == Mode.BAR) {
            String text = String.format(
                            Locale.ROOT,
                            "%s %,d ticks read, %,d sent, %,d ticks/s %s",
                            share,
                            ticksRead,
                            ticksSent,
                            rate,
                            eta)
                    .strip();
            err.print("\r" + text + " ".repeat(Math.max(0, barLength - text.length())));
            err.flush();
            barLength = text.length();
        } else {
            err.println(String.format(
                    Locale.ROOT,
                    "tickflow: %,d ticks read%s, %,d sent, %,d ticks/s%s",
                    ticksRead,
                    share.isEmpty() ? "" : " (" + share.strip() + " of the input)",
                    ticksSent,
                    rate,
                    eta.isEmpty() ? "" : ", " + eta));
        }
    }

    private void clearBar() {
        if (mode == Mode.BAR && barLength > 0) {
            err.print("\r" + " ".repeat(barLength) + "\r");
            barLength = 0;
            lastShown = start;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
