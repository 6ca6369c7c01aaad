package io.tickflow.cli.read;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads ticks from an input one at a time, holding no more than one line or one JSON value in memory. */
public interface TickReader extends Closeable {

    /**
     * The next tick or unreadable place, in input order.
     *
     * @return null at the end of the input
     * @throws IOException when the input itself fails (not when its content is unreadable)
     */
    @Nullable
    ReadResult next() throws IOException;

    /** One line saying how the input is read, e.g. which columns become which fields. */
    String describe();
}
