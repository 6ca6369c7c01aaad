package io.tickflow.storage.lake;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.lake.LakePartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One Parquet object of the lake, ready to put.
 *
 * <p>Its name is derived from what it holds, {@code part-<first tick's epoch second>-<hash of its event ids>.parquet},
 * so writing the same events again (a retried flush, a redelivery) writes the same key instead of a second object.
 * Rows are sorted by time. Ticks are not de-duplicated by content: two trades at the same second, price and size
 * without trade ids are two trades (the real Bitstamp data has 209 such pairs in its first 10,000 trades); an event
 * that came twice is held once, by its id.
 *
 * @param partition where it goes
 * @param eventIds the events whose ticks it holds
 * @param key its S3 key
 * @param bytes the Parquet file
 * @param rows how many ticks it holds
 * @param minTime the earliest tick time
 * @param maxTime the latest tick time
 */
public record LakeFile(
        LakePartition partition,
        List<UUID> eventIds,
        String key,
        byte[] bytes,
        long rows,
        Instant minTime,
        Instant maxTime) {

    /** The ticks' order in a file: time, then the tick's content, so that a file's bytes do not depend on arrival. */
    static final Comparator<Tick> ORDER = Comparator.comparing(Tick::time).thenComparing(Object::toString);

    /** The file of {@code ticks} in {@code partition}, which came in the events {@code eventIds}. */
    public static LakeFile of(LakePartition partition, Collection<? extends Tick> ticks, Collection<UUID> eventIds) {
        List<Tick> rows = new ArrayList<>(ticks);
        rows.sort(ORDER);
        Instant min = rows.getFirst().time();
        Instant max = rows.getLast().time();
        String name = "part-" + min.getEpochSecond() + "-" + digest(eventIds) + ".parquet";
        return new LakeFile(
                partition,
                List.copyOf(eventIds),
                partition.key(name),
                ParquetTicks.encode(partition.dataset(), rows),
                rows.size(),
                min,
                max);
    }

    /** The first 20 hex digits of the SHA-256 of the sorted event ids. */
    static String digest(Collection<UUID> eventIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            eventIds.stream().sorted().forEach(id -> sha.update(id.toString().getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
