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

    /** Records that every event committed to one of {@code objectKeys} in {@code partition} is now in {@code target}. */
    void reassign(LakePartition partition, Collection<String> objectKeys, String target);

    /**
     * Takes the partition's compaction lease for {@code duration} unless another holder's lease is still running, so
     * that two compactions never merge the same partition at once.
     *
     * @return whether the lease is this caller's
     */
    boolean lease(LakePartition partition, java.time.Duration duration);

    /** Gives the partition's compaction lease back. */
    void release(LakePartition partition);
}
