package io.tickflow.bench.load;

import java.util.List;

/**
 * One configuration of the same service code under test.
 *
 * @param name short name in the report
 * @param description what it is, for the report
 * @param ticks the backlog
 * @param ticksPerMessage ticks per ingest message
 * @param serviceProperties {@code --name=value} arguments the service starts with
 */
record LoadConfig(String name, String description, long ticks, int ticksPerMessage, List<String> serviceProperties) {

    /** As designed: batches of real trades, the service's defaults (500 ticks per event, 10 events per publish). */
    static LoadConfig batched(long ticks, int ticksPerMessage) {
        return new LoadConfig(
                "batched",
                ticksPerMessage + " ticks per SQS message; service defaults (max-ticks-per-event=500,"
                        + " events-per-publish=10, max-concurrent-messages=40)",
                ticks,
                ticksPerMessage,
                List.of());
    }

    /**
     * A smaller batched run first, not a result: the embedded stack's JIT compilers are done with the large-message
     * paths before the measured runs (each of which starts a fresh service, cold as a deployment would be).
     */
    static LoadConfig warmUp(long ticks, int ticksPerMessage) {
        return new LoadConfig(
                "warm-up",
                "as batched, to warm up the embedded stack; not a result",
                ticks,
                ticksPerMessage,
                List.of());
    }

    /** The naive design with the same code: one tick per SQS message, one SNS publish per tick. */
    static LoadConfig naive(long ticks) {
        return new LoadConfig(
                "naive",
                "1 tick per SQS message; --tickflow.ingest.max-ticks-per-event=1"
                        + " --tickflow.ingest.events-per-publish=1 (one SNS publish per tick)",
                ticks,
                1,
                List.of("--tickflow.ingest.max-ticks-per-event=1", "--tickflow.ingest.events-per-publish=1"));
    }
}
