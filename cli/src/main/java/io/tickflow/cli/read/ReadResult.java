package io.tickflow.cli.read;

/** What a {@link TickReader} found at one place in its input: a tick, or something it could not read. */
public sealed interface ReadResult permits RawTick, UnreadableLine {

    /** The 1-based line of the input it starts on. */
    long line();
}
