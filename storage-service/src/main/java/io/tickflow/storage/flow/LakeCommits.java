package io.tickflow.storage.flow;

import io.tickflow.common.lake.LakePartition;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger of which lake object holds each event's ticks of a partition. It is written before the object, so that
 * an event redelivered after its object was put (a crash before the acknowledgement, a flush retried after its
 * messages came back) is recognised and not written into a second object.
 */
public interface LakeCommits {

    /** The object each of {@code eventIds} was committed to in {@code partition}, for those that were. */
    Map<UUID, String> committed(LakePartition partition, Collection<UUID> eventIds);

    /** Records that {@code eventIds}' ticks of {@code partition} are in {@code objectKey}. */
    void record(LakePartition partition, Collection<UUID> eventIds, String objectKey);
}
