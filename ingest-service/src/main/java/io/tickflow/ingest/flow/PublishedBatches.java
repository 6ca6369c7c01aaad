package io.tickflow.ingest.flow;

import java.util.Collection;
import java.util.Set;

/**
 * Remembers which batches of ticks were already published, by fingerprint, for as long as a redelivered or replayed
 * message can come back. One entry stands for a whole batch of ticks of one stream, not for a tick: de-duplication
 * costs one write per published event, not one per tick.
 */
public interface PublishedBatches {

    /** The fingerprints among {@code fingerprints} that were published before. */
    Set<String> publishedAmong(Collection<String> fingerprints);

    /** Records that these batches are published; called only after the publish succeeded. */
    void remember(Collection<String> fingerprints);
}
