package io.tickflow.bench.storage;

import com.github.luben.zstd.Zstd;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.lake.Compaction;
import io.tickflow.storage.lake.LakeFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Bytes per trade of the 100,000 Bitstamp trades at rest: in the lake's Parquet files, laid out three ways, and in the
 * formats they arrive in (the {@code TicksAccepted} JSON, the CSV).
 */
final class BytesAtRest {

    /** Trades per file in the small-file layout: one ingest message's worth. */
    static final int SMALL_FILE_TRADES = LakeTrades.TRADES_PER_EVENT;

    private BytesAtRest() {}

    /**
     * One way of storing the trades.
     *
     * @param name what it is
     * @param parquet whether it is the lake's Parquet (to be held against the target)
     * @param files how many files or messages
     * @param minTradesPerFile the fewest trades in one
     * @param maxTradesPerFile the most trades in one
     * @param trades how many trades in all
     * @param bytes how many bytes in all
     * @param bytesByColumn for Parquet, the bytes of each column and of the footers ({@link ParquetFooter}), in all
     * @param encodings for Parquet, by column: each set of page encodings a column chunk used, and in how many files
     */
    record Layout(
            String name,
            boolean parquet,
            int files,
            int minTradesPerFile,
            int maxTradesPerFile,
            long trades,
            long bytes,
            Map<String, Long> bytesByColumn,
            Map<String, Map<String, Integer>> encodings) {

        /** A layout that is not Parquet. */
        Layout(String name, int files, int minTradesPerFile, int maxTradesPerFile, long trades, long bytes) {
            this(name, false, files, minTradesPerFile, maxTradesPerFile, trades, bytes, Map.of(), Map.of());
        }

        double bytesPerTrade() {
            return (double) bytes / trades;
        }
    }

    /** Every layout, Parquet first. */
    static List<Layout> measure() {
        List<Trade> trades = LakeTrades.bitstamp();
        List<TicksAccepted> events = LakeTrades.events(trades);
        List<PartitionInput> hourly = PartitionInput.hourly(events);
        List<Layout> layouts = new ArrayList<>();

        layouts.add(parquet("Parquet, one file of all trades", written(List.of(PartitionInput.whole(events)))));
        layouts.add(parquet("Parquet, hourly partitions, one flush file each", written(hourly)));
        List<PartitionInput> smallInputs = smallFiles(hourly, events);
        List<LakeFile> small = written(smallInputs);
        layouts.add(parquet(
                "Parquet, hourly partitions, a file per " + SMALL_FILE_TRADES + " trades (small flushes)", small));
        layouts.add(parquet(
                "Parquet, the small files above compacted (the lake's layout at rest)", compacted(smallInputs, small)));
        layouts.add(parquet(
                "Parquet, hourly partitions, one flush file each, with venue trade ids (not in the CSV; a live feed"
                        + " has them)",
                written(PartitionInput.hourly(LakeTrades.events(LakeTrades.withTradeIds())))));

        long json = 0;
        long jsonZstd = 0;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (TicksAccepted event : events) {
            byte[] bytes = ContractJson.mapper().writeValueAsBytes(event);
            json += bytes.length;
            jsonZstd += Zstd.compress(bytes, 3).length;
            fewest = Math.min(fewest, event.ticks().size());
            most = Math.max(most, event.ticks().size());
        }
        layouts.add(new Layout(
                "TicksAccepted JSON, " + LakeTrades.TRADES_PER_EVENT
                        + " trades per event (what storage-service receives)",
                events.size(),
                fewest,
                most,
                trades.size(),
                json));
        layouts.add(new Layout(
                "TicksAccepted JSON as above, each event zstd level 3",
                events.size(),
                fewest,
                most,
                trades.size(),
                jsonZstd));
        layouts.add(new Layout(
                "the CSV file (" + LakeTrades.CSV + ")",
                1,
                trades.size(),
                trades.size(),
                trades.size(),
                LakeTrades.csvBytes()));
        return layouts;
    }

    /** One {@code LakeFile.of} per input, as a flush writes them. */
    private static List<LakeFile> written(List<PartitionInput> inputs) {
        return inputs.stream().map(LakeWriterBenchmark::lakeFile).toList();
    }

    /**
     * What storage-service's compaction makes of {@code files}: per partition, one file merging them all ({@link
     * Compaction.Plan#merged}, whose footer lists the keys it replaces); a partition of one file keeps it.
     */
    private static List<LakeFile> compacted(List<PartitionInput> inputs, List<LakeFile> files) {
        // Compaction reads each file's rows back; these are the same rows, as they were written.
        Map<LakePartition, Map<String, List<Tick>>> byPartition = new LinkedHashMap<>();
        Map<LakePartition, LakeFile> first = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            LakeFile file = files.get(i);
            byPartition
                    .computeIfAbsent(file.partition(), p -> new LinkedHashMap<>())
                    .put(file.key(), inputs.get(i).sorted());
            first.putIfAbsent(file.partition(), file);
        }
        List<LakeFile> compacted = new ArrayList<>();
        byPartition.forEach((partition, rowsByKey) -> {
            Compaction.Plan plan = new Compaction.Plan(rowsByKey, Set.of());
            compacted.add(plan.merges() ? plan.merged(partition) : first.get(partition));
        });
        return compacted;
    }

    private static Layout parquet(String name, List<LakeFile> files) {
        long bytes = 0;
        long trades = 0;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        Map<String, Long> byColumn = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> encodings = new LinkedHashMap<>();
        for (LakeFile file : files) {
            bytes += file.bytes().length;
            trades += file.rows();
            fewest = (int) Math.min(fewest, file.rows());
            most = (int) Math.max(most, file.rows());
            ParquetFooter.bytesByColumn(file.bytes()).forEach((column, b) -> byColumn.merge(column, b, Long::sum));
            ParquetFooter.encodings(file.bytes()).forEach((column, e) -> encodings
                    .computeIfAbsent(column, c -> new TreeMap<>())
                    .merge(e, 1, Integer::sum));
        }
        // The footers last, after the columns.
        byColumn.put(ParquetFooter.REST, byColumn.remove(ParquetFooter.REST));
        return new Layout(name, true, files.size(), fewest, most, trades, bytes, byColumn, encodings);
    }

    /**
     * Each hourly partition cut into files of {@value #SMALL_FILE_TRADES} trades in time order (the last of an hour
     * holds the rest): the files a lake gets from flushes of {@value #SMALL_FILE_TRADES} trades, before compaction.
     */
    private static List<PartitionInput> smallFiles(List<PartitionInput> hourly, List<TicksAccepted> events) {
        // Which event each trade came in, by identity: two trades can be equal (same second, price and size).
        Map<Tick, UUID> eventOf = new IdentityHashMap<>();
        for (TicksAccepted event : events) {
            event.ticks().forEach(tick -> eventOf.put(tick, event.eventId()));
        }
        List<PartitionInput> files = new ArrayList<>();
        for (PartitionInput hour : hourly) {
            List<Tick> rows = hour.sorted();
            for (int start = 0; start < rows.size(); start += SMALL_FILE_TRADES) {
                List<Tick> part = rows.subList(start, Math.min(rows.size(), start + SMALL_FILE_TRADES));
                Set<UUID> ids = new LinkedHashSet<>();
                part.forEach(tick -> ids.add(eventOf.get(tick)));
                files.add(new PartitionInput(hour.partition(), part, List.copyOf(ids), part, List.of()));
            }
        }
        return files;
    }
}
