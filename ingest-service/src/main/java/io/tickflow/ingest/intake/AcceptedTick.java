package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ingest.Tick;
import java.util.Objects;

/**
 * A tick that passed every check, normalised (canonical symbol, UTC time, exact decimals), with where it stood in its
 * message.
 *
 * @param venue the normalised venue of its message
 * @param position its index in the message's {@code ticks} (0 for a message that is one bare tick)
 * @param tick the normalised tick
 */
public record AcceptedTick(String venue, int position, Tick tick) {

    public AcceptedTick {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(tick, "tick");
    }

    /** The stream the tick belongs to: its venue, symbol and dataset. */
    public TickStream stream() {
        return new TickStream(venue, tick.symbol(), tick.dataset());
    }

    /** The tick's identity for de-duplication; computed on each call, since a content hash costs a SHA-256. */
    public TickId id() {
        return TickId.of(venue, tick);
    }
}
