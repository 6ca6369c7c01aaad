package io.tickflow.cli.read;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tick as read, in the shape of the tick-batch contract but not checked against it: ingest-service does that.
 *
 * @param line the 1-based line of the input the tick comes from
 * @param venue the venue the tick belongs to, which decides the message it travels in
 * @param fields the tick's properties ({@code type}, {@code symbol}, {@code time}, prices as the text read), without
 *     {@code venue}
 */
public record RawTick(long line, String venue, ObjectNode fields) implements ReadResult {

    public RawTick {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(fields, "fields");
    }
}
