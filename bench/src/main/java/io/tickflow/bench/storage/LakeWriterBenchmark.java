package io.tickflow.bench.storage;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.storage.lake.LakeFile;
import io.tickflow.storage.lake.ParquetTicks;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trades per second through storage-service's lake writer, on the real Bitstamp trades: every invocation writes a
 * fixed number of trades and {@code @OperationsPerInvocation} says how many, so every score is trades per second.
 *
 * <ul>
 *   <li>{@code lakeFile}: {@link LakeFile#of}, what a flush does per partition: sort the rows (time, then content),
 *       name the file (SHA-256 of the event ids) and encode it ({@link ParquetTicks#encode}: zstd, Parquet v2,
 *       DECIMAL(38, 18), TIMESTAMP micros). Over {@value #PARTITION_TRADES} consecutive trades from 20 events;
 *   <li>{@code parquetEncode}: {@link ParquetTicks#encode} alone, of the same trades already sorted;
 *   <li>{@code jsonBaseline}: the same trades written as JSON instead: their 20 {@code TicksAccepted} events (the wire
 *       format storage-service receives) with {@code ContractJson.mapper().writeValueAsBytes};
 *   <li>{@code ...Flush}: the same three over one full flush, {@value #FLUSH_TRADES} trades ({@code flush-ticks} in
 *       storage-service's application.yml) in one partition: the file twice, the second pass shifted in time;
 *   <li>{@code lakeFilesHourly}: the whole file, {@value #FILE_TRADES} trades, as the lake stores it: one {@code
 *       LakeFile.of} per hourly partition (161 files of 1 to 2,246 trades), which shows the cost per file.
 * </ul>
 *
 * <p>Run with {@link LakeBenchmarkReport}, which adds trades per CPU-second, the Parquet/JSON ratios and bytes at rest.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LakeWriterBenchmark {

    /** Trades in the partition of {@code lakeFile}, {@code parquetEncode} and {@code jsonBaseline}. */
    public static final int PARTITION_TRADES = 10_000;

    /** Trades in the partition of the {@code ...Flush} benchmarks: one whole flush. */
    public static final int FLUSH_TRADES = 200_000;

    /** Trades in the Bitstamp file, all written by {@code lakeFilesHourly}. */
    public static final int FILE_TRADES = 100_000;

    // Each state builds its input once, when JMH creates it for the first benchmark that needs it.

    /** {@value #PARTITION_TRADES} consecutive trades of the file, from its start, in one partition. */
    @State(Scope.Benchmark)
    public static class Partition {
        final PartitionInput input =
                PartitionInput.whole(LakeTrades.events(LakeTrades.bitstamp().subList(0, PARTITION_TRADES)));

        @Setup(Level.Trial)
        public void check() {
            expect(input.trades(), PARTITION_TRADES);
        }
    }

    /** {@value #FLUSH_TRADES} trades in one partition. */
    @State(Scope.Benchmark)
    public static class Flush {
        final PartitionInput input = PartitionInput.whole(LakeTrades.events(LakeTrades.cycled(FLUSH_TRADES)));

        @Setup(Level.Trial)
        public void check() {
            expect(input.trades(), FLUSH_TRADES);
        }
    }

    /** The whole file in its hourly partitions. */
    @State(Scope.Benchmark)
    public static class Hourly {
        final List<PartitionInput> partitions = PartitionInput.hourly(LakeTrades.events(LakeTrades.bitstamp()));

        @Setup(Level.Trial)
        public void check() {
            expect(partitions.stream().mapToInt(PartitionInput::trades).sum(), FILE_TRADES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PARTITION_TRADES)
    public LakeFile lakeFile(Partition partition) {
        return lakeFile(partition.input);
    }

    @Benchmark
    @OperationsPerInvocation(PARTITION_TRADES)
    public byte[] parquetEncode(Partition partition) {
        return ParquetTicks.encode(Dataset.TRADES, partition.input.sorted());
    }

    @Benchmark
    @OperationsPerInvocation(PARTITION_TRADES)
    public void jsonBaseline(Partition partition, Blackhole blackhole) {
        json(partition.input, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(FLUSH_TRADES)
    public LakeFile lakeFileFlush(Flush flush) {
        return lakeFile(flush.input);
    }

    @Benchmark
    @OperationsPerInvocation(FLUSH_TRADES)
    public byte[] parquetEncodeFlush(Flush flush) {
        return ParquetTicks.encode(Dataset.TRADES, flush.input.sorted());
    }

    @Benchmark
    @OperationsPerInvocation(FLUSH_TRADES)
    public void jsonBaselineFlush(Flush flush, Blackhole blackhole) {
        json(flush.input, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(FILE_TRADES)
    public void lakeFilesHourly(Hourly hourly, Blackhole blackhole) {
        for (PartitionInput partition : hourly.partitions) {
            blackhole.consume(lakeFile(partition));
        }
    }

    static LakeFile lakeFile(PartitionInput input) {
        return LakeFile.of(input.partition(), input.arrived(), input.eventIds());
    }

    static void json(PartitionInput input, Blackhole blackhole) {
        for (TicksAccepted event : input.events()) {
            blackhole.consume(ContractJson.mapper().writeValueAsBytes(event));
        }
    }

    static void expect(int trades, int expected) {
        // @OperationsPerInvocation is a constant: the input must hold exactly that many trades.
        if (trades != expected) {
            throw new IllegalStateException("The benchmark input holds " + trades + " trades, not " + expected);
        }
    }
}
