package io.tickflow.cli.read;

import java.util.Objects;

/**
 * A place in the input that does not make a tick.
 *
 * @param line the 1-based line it is on
 * @param reason what is wrong, for a person
 * @param endsInput true when nothing after it can be read either (JSON whose structure broke)
 */
public record UnreadableLine(long line, String reason, boolean endsInput) implements ReadResult {

    public UnreadableLine {
        Objects.requireNonNull(reason, "reason");
    }

    static UnreadableLine at(long line, String reason) {
        return new UnreadableLine(line, reason, false);
    }
}
