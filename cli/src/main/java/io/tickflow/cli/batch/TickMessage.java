package io.tickflow.cli.batch;

import java.util.Objects;

/**
 * One message for the ingest queue: a tick batch of one venue.
 *
 * @param venue the venue of every tick in it
 * @param body the message body, a {@code tickflow.tick-batch.v1} JSON document
 * @param bytes the body's length in UTF-8, which is what SQS limits
 * @param ticks how many ticks it holds
 * @param firstLine the input line of its first tick
 * @param lastLine the input line of its last tick
 */
public record TickMessage(String venue, String body, int bytes, int ticks, long firstLine, long lastLine) {

    public TickMessage {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(body, "body");
        if (ticks < 1) {
            throw new IllegalArgumentException("A message holds at least one tick");
        }
    }
}
