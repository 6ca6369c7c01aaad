package io.tickflow.storage.flow;

import io.tickflow.common.contract.Dataset;
import java.time.Instant;
import java.util.List;

/** What the lake holds, as a reader finds it: objects by partition. */
public interface LakeCatalog {

    /** The objects of the instrument's partitions whose hour overlaps [{@code from}, {@code to}), by key. */
    List<StoredObject> objects(Dataset dataset, String venue, String symbol, Instant from, Instant to);

    /**
     * One lake object.
     *
     * @param key its S3 key
     * @param bytes its size
     * @param lastModified when it was last written
     */
    record StoredObject(String key, long bytes, Instant lastModified) {}
}
