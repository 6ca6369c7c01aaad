package io.tickflow.storage.lake;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.lake.LakePartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compacting one partition means: its objects merged into one, rows sorted by time, named after the objects it
 * replaces and listing them in its footer ({@value #SOURCES}).
 *
 * <p>The footer is what makes compaction safe to interrupt. Until the replaced objects are deleted, they stand beside
 * the compacted one; the next compaction reads the footer, treats them as already merged (leftovers, to delete) and
 * never merges their rows a second time.
 */
public final class Compaction {

    /** The footer key listing, comma-separated, the object keys a compacted file replaces. */
    public static final String SOURCES = "tickflow.sources";

    private Compaction() {}

    /**
     * The plan for a partition's objects, read.
     *
     * @param inputs the objects to merge (two or more), by key, with their ticks
     * @param leftovers objects a compacted file already holds, to delete
     */
    public record Plan(Map<String, List<Tick>> inputs, Set<String> leftovers) {

        /** Whether there is anything to merge. */
        public boolean merges() {
            return inputs.size() > 1;
        }

        /** The merged file, for the partition. */
        public LakeFile merged(LakePartition partition) {
            List<Tick> rows = new ArrayList<>();
            inputs.values().forEach(rows::addAll);
            rows.sort(LakeFile.ORDER);
            String name = "compacted-" + digest(inputs.keySet()) + ".parquet";
            byte[] bytes =
                    ParquetTicks.encode(partition.dataset(), rows, Map.of(SOURCES, String.join(",", inputs.keySet())));
            return new LakeFile(
                    partition,
                    List.of(),
                    partition.key(name),
                    bytes,
                    rows.size(),
                    rows.getFirst().time(),
                    rows.getLast().time());
        }
    }

    /** Reads {@code files} (key to bytes, all of {@code partition}) and decides what to merge. */
    public static Plan plan(LakePartition partition, Map<String, byte[]> files) {
        Map<String, ParquetTickReader.Contents> read = new LinkedHashMap<>();
        files.forEach(
                (key, bytes) -> read.put(key, ParquetTickReader.read(partition.dataset(), partition.symbol(), bytes)));
        Set<String> subsumed = new LinkedHashSet<>();
        read.values().forEach(c -> {
            String sources = c.metadata().get(SOURCES);
            if (sources != null && !sources.isEmpty()) {
                subsumed.addAll(Arrays.asList(sources.split(",")));
            }
        });
        Map<String, List<Tick>> inputs = new LinkedHashMap<>();
        Set<String> leftovers = new LinkedHashSet<>();
        read.forEach((key, contents) -> {
            if (subsumed.contains(key)) {
                leftovers.add(key);
            } else {
                inputs.put(key, contents.ticks());
            }
        });
        return new Plan(inputs, leftovers);
    }

    private static String digest(Set<String> keys) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            keys.stream().sorted().forEach(k -> sha.update((k + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
