package io.tickflow.ingest.flow;

import io.tickflow.common.contract.ingest.TickRejected;
import org.jspecify.annotations.Nullable;

/**
 * Where a message that cannot be read at all goes at once, with its reason, instead of being retried until it
 * dead-letters: no retry can make it readable.
 */
public interface Quarantine {

    /** Keeps the message as it was received, with the reason it was refused. */
    void quarantine(String messageId, @Nullable String body, TickRejected reason);
}
