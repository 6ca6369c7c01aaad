package io.tickflow.bench.storage;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.storage.lake.ParquetTicks;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Trades per second of CPU time through the same work as {@link LakeWriterBenchmark}: a measure of one core's work
 * that other processes on the machine do not dilute, as they do wall-clock time.
 *
 * <p>Two clocks: the measuring thread's CPU time, and the whole process's, which adds what the JVM does for that
 * thread on its own threads (garbage collection above all; the JIT is quiet after the warm-up). The second is the
 * fairer "per core" figure for work that allocates as much as encoding does.
 */
final class LakeCpuTime {

    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 10_000_000_000L;

    private static volatile long sink;

    private LakeCpuTime() {}

    /**
     * @param perThreadCpuSecond trades per second of the measuring thread's CPU time
     * @param perProcessCpuSecond trades per second of the process's CPU time
     * @param allocatedBytesPerTrade heap the measuring thread allocated per trade
     */
    record Score(double perThreadCpuSecond, double perProcessCpuSecond, double allocatedBytesPerTrade) {}

    /** One benchmark's work: {@code trades} trades per call; the call returns bytes written, to keep it alive. */
    record Work(int trades, LongSupplier call) {}

    /** The work of every benchmark of {@link LakeWriterBenchmark}, by its name, on the same inputs. */
    static Map<String, Work> benchmarks() {
        PartitionInput partition = PartitionInput.whole(
                LakeTrades.events(LakeTrades.bitstamp().subList(0, LakeWriterBenchmark.PARTITION_TRADES)));
        PartitionInput flush =
                PartitionInput.whole(LakeTrades.events(LakeTrades.cycled(LakeWriterBenchmark.FLUSH_TRADES)));
        List<PartitionInput> hourly = PartitionInput.hourly(LakeTrades.events(LakeTrades.bitstamp()));
        Map<String, Work> work = new LinkedHashMap<>();
        work.put("lakeFile", new Work(partition.trades(), () -> lakeFile(partition)));
        work.put("parquetEncode", new Work(partition.trades(), () -> encode(partition)));
        work.put("jsonBaseline", new Work(partition.trades(), () -> json(partition)));
        work.put("lakeFileFlush", new Work(flush.trades(), () -> lakeFile(flush)));
        work.put("parquetEncodeFlush", new Work(flush.trades(), () -> encode(flush)));
        work.put("jsonBaselineFlush", new Work(flush.trades(), () -> json(flush)));
        work.put(
                "lakeFilesHourly",
                new Work(hourly.stream().mapToInt(PartitionInput::trades).sum(), () -> {
                    long bytes = 0;
                    for (PartitionInput input : hourly) {
                        bytes += lakeFile(input);
                    }
                    return bytes;
                }));
        return work;
    }

    /** Warms up for 5 s of the thread's CPU time, then measures for 10 s of it. */
    static Score measure(Work work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        run(work, threads, WARM_UP_NANOS);
        long threadStart = threads.getCurrentThreadCpuTime();
        long processStart = os.getProcessCpuTime();
        long allocatedStart = threads.getCurrentThreadAllocatedBytes();
        long trades = run(work, threads, MEASURE_NANOS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedStart;
        long processNanos = os.getProcessCpuTime() - processStart;
        long threadNanos = threads.getCurrentThreadCpuTime() - threadStart;
        return new Score(trades * 1e9 / threadNanos, trades * 1e9 / processNanos, (double) allocated / trades);
    }

    private static long run(Work work, java.lang.management.ThreadMXBean threads, long cpuNanos) {
        long until = threads.getCurrentThreadCpuTime() + cpuNanos;
        long trades = 0;
        long bytes = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            bytes += work.call().getAsLong();
            trades += work.trades();
        }
        sink += bytes;
        return trades;
    }

    private static long lakeFile(PartitionInput input) {
        return LakeWriterBenchmark.lakeFile(input).bytes().length;
    }

    private static long encode(PartitionInput input) {
        return ParquetTicks.encode(Dataset.TRADES, input.sorted()).length;
    }

    private static long json(PartitionInput input) {
        long bytes = 0;
        for (TicksAccepted event : input.events()) {
            bytes += ContractJson.mapper().writeValueAsBytes(event).length;
        }
        return bytes;
    }
}
