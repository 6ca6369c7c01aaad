package io.tickflow.bench.ingest;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.ingest.intake.IntakeRules;
import io.tickflow.ingest.intake.TickIntake;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.List;

/**
 * Ticks per second of the calling thread's CPU time through the same two paths as {@link TickIntakeBenchmark}: a
 * measure of one core's work that other processes on the machine do not dilute, as they do wall-clock time.
 */
final class CpuTime {

    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 10_000_000_000L;

    private CpuTime() {}

    /** Warms up for 5 s of CPU time, then measures for 10 s of CPU time. */
    static double ticksPerCpuSecond(String batches, boolean databind) {
        List<String> messages = "mixed".equals(batches)
                ? MarketDataBatches.mixed(TickIntakeBenchmark.TICKS_PER_MESSAGE)
                : MarketDataBatches.bitstampTrades(TickIntakeBenchmark.TICKS_PER_MESSAGE);
        TickIntake intake = new TickIntake(IntakeRules.defaults(), Clock.systemUTC());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(intake, messages, databind, threads, WARM_UP_NANOS);
        long start = threads.getCurrentThreadCpuTime();
        long ticks = run(intake, messages, databind, threads, MEASURE_NANOS);
        return ticks * 1e9 / (threads.getCurrentThreadCpuTime() - start);
    }

    private static long run(
            TickIntake intake, List<String> messages, boolean databind, ThreadMXBean threads, long cpuNanos) {
        long until = threads.getCurrentThreadCpuTime() + cpuNanos;
        long ticks = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (String message : messages) {
                ticks += (databind
                                ? intake.check("cpu", ContractJson.mapper().readValue(message, TickBatch.class))
                                : intake.read("cpu", message))
                        .accepted()
                        .size();
            }
        }
        return ticks;
    }
}
