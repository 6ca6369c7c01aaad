package io.tickflow.storage.flow;

import java.time.Duration;
import java.util.Collection;

/** Settles the queue messages storage-service holds: keeps them invisible while they wait, deletes them when done. */
public interface Receipts {

    /** Keeps the messages invisible to other consumers for {@code visibility} from now. */
    void extend(Collection<String> receipts, Duration visibility);

    /** Deletes the messages: everything they brought is durable. */
    void acknowledge(Collection<String> receipts);
}
