package io.tickflow.bench.load;

import java.util.List;
import java.util.Map;

/**
 * What one drain measured.
 *
 * @param config what ran
 * @param sent the backlog as sent
 * @param producer the harness's calls sending it
 * @param service the service's calls, from its start until the queue was empty
 * @param consumer the harness's calls reading storage-ticks
 * @param ticksArrived distinct ticks that arrived on market-ticks
 * @param events distinct TicksAccepted events
 * @param duplicateEvents events that arrived more than once
 * @param eventBytes bytes of the ReceiveMessage answers that brought the events
 * @param serviceAccepted ticks the service counted as accepted
 * @param serviceRejected ticks the service rejected
 * @param serviceDuplicates ticks the service dropped as already published
 * @param startupSeconds from starting the service to the first ticks arriving
 * @param drainSeconds from the first ticks arriving to the last
 * @param middleSeconds the time between 10% and 90% of the ticks arriving
 * @param samples progress, heap and CPU through the drain
 * @param collections the service's GC log, from its start
 * @param stacks thread dumps of the service in the middle of the drain
 */
record PhaseResult(
        LoadConfig config,
        Backlog.Sent sent,
        RequestCounts producer,
        RequestCounts service,
        RequestCounts consumer,
        long ticksArrived,
        long events,
        long duplicateEvents,
        long eventBytes,
        double serviceAccepted,
        double serviceRejected,
        double serviceDuplicates,
        double startupSeconds,
        double drainSeconds,
        double middleSeconds,
        List<Sample> samples,
        List<GcLog.Collection> collections,
        StackSamples stacks) {

    /**
     * One look at the run.
     *
     * @param epochMillis when
     * @param ticks ticks arrived so far
     * @param heapUsedBytes the service's heap in use (actuator), or -1 when it was not asked
     * @param serviceRssBytes the service's resident memory
     * @param cpuSeconds CPU used so far by process (local-aws, ingest-service, harness) and by the whole machine
     * @param threadCpuSeconds CPU used so far by process and thread group; only at the start and end of the drain,
     *     empty otherwise (reading every thread's stat costs the harness CPU)
     */
    record Sample(
            long epochMillis,
            long ticks,
            long heapUsedBytes,
            long serviceRssBytes,
            Map<String, Double> cpuSeconds,
            Map<String, Map<String, Double>> threadCpuSeconds) {}

    /** Ticks per second from the first to the last arrival. */
    double ticksPerSecond() {
        return ticksArrived / drainSeconds;
    }

    /** Ticks per second between 10% and 90% of the ticks arriving. */
    double middleTicksPerSecond() {
        return 0.8 * config.ticks() / middleSeconds;
    }

    /** The sample when ticks first arrived, and the last: the drain. */
    Sample drainStart() {
        return samples.stream()
                .filter(s -> s.ticks() > 0 && !s.threadCpuSeconds().isEmpty())
                .findFirst()
                .orElse(samples.getFirst());
    }

    Sample drainEnd() {
        return samples.getLast();
    }
}
