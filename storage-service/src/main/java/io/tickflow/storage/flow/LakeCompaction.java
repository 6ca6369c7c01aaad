package io.tickflow.storage.flow;

import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.lake.Compaction;
import io.tickflow.storage.lake.LakeFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges each partition's small objects into one, so a day of one symbol is 24 objects, not thousands.
 *
 * <p>Per partition, under a lease so two workers never compact it at once: read every object, write the merged one
 * (which lists what it replaces in its footer), point the lake-commits ledger at it, then delete what it replaced.
 * Readers see each row exactly once before and after; between the write and the delete, a query that lists the
 * partition sees both, which is why a scheduled compaction waits until a partition has been quiet a while.
 */
public final class LakeCompaction {

    private final LakeObjects objects;
    private final LakeCommits commits;
    private final Duration lease;

    public LakeCompaction(LakeObjects objects, LakeCommits commits, Duration lease) {
        this.objects = objects;
        this.commits = commits;
        this.lease = lease;
    }

    /** Compacts every partition under {@code prefix} (e.g. {@code market-data/trades/venue=bitstamp/}). */
    public List<Compacted> compactUnder(String prefix) {
        Map<LakePartition, List<String>> partitions =
                new TreeMap<>(java.util.Comparator.comparing(LakePartition::prefix));
        for (String key : objects.keys(prefix)) {
            LakePartition.ofKey(key).ifPresent(p -> partitions
                    .computeIfAbsent(p, x -> new ArrayList<>())
                    .add(key));
        }
        List<Compacted> done = new ArrayList<>();
        partitions.forEach((partition, keys) -> {
            if (keys.size() > 1) {
                compact(partition).ifPresent(done::add);
            }
        });
        return done;
    }

    /** Compacts one partition, unless another worker holds its lease or it has one object; says what it did. */
    public java.util.Optional<Compacted> compact(LakePartition partition) {
        if (!commits.lease(partition, lease)) {
            return java.util.Optional.empty();
        }
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String key : objects.keys(partition.prefix())) {
                files.put(key, objects.get(key));
            }
            Compaction.Plan plan = Compaction.plan(partition, files);
            Set<String> replaced = new LinkedHashSet<>(plan.leftovers());
            LakeFile merged = null;
            if (plan.merges()) {
                merged = plan.merged(partition);
                objects.put(merged.key(), merged.bytes());
                replaced.addAll(plan.inputs().keySet());
            }
            if (replaced.isEmpty()) {
                return java.util.Optional.empty();
            }
            // Without a merge, only leftovers of an interrupted compaction are replaced: by their compacted file,
            // which is then the partition's one input.
            String target = merged != null
                    ? merged.key()
                    : plan.inputs().keySet().iterator().next();
            commits.reassign(partition, replaced, target);
            objects.delete(replaced);
            return java.util.Optional.of(new Compacted(
                    partition.prefix(),
                    replaced.size(),
                    target,
                    merged != null ? merged.rows() : -1,
                    merged != null ? merged.bytes().length : -1));
        } finally {
            commits.release(partition);
        }
    }

    /**
     * One partition compacted.
     *
     * @param partition the partition's prefix
     * @param replaced how many objects it replaced
     * @param object the object that holds them now
     * @param rows its rows; -1 when it was already there (only leftovers were deleted)
     * @param bytes its size; -1 likewise
     */
    public record Compacted(String partition, int replaced, String object, long rows, long bytes) {}
}
