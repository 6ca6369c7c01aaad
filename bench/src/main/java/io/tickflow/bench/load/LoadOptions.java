package io.tickflow.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the harness runs; every option has a default that runs the whole measurement.
 *
 * @param warmUpTicks the backlog of a batched run before the measured ones, to warm up the embedded stack; 0 for none
 * @param ticks the backlog of the batched run
 * @param naiveTicks the backlog of the naive run, one tick per message and per publish
 * @param ticksPerMessage ticks per ingest message in the batched run
 * @param producerThreads threads sending the backlog
 * @param consumerThreads threads counting ticks on the storage-ticks queue
 * @param stackSamples thread dumps of the service taken in the middle of each drain
 * @param phaseTimeout how long one drain may take before the run fails
 * @param root the repository root, where the runnable jars are built
 * @param report where the report is written
 * @param workDirectory where the child processes' logs and GC logs go
 * @param java the {@code java} launcher for the child processes
 */
record LoadOptions(
        long warmUpTicks,
        long ticks,
        long naiveTicks,
        int ticksPerMessage,
        int producerThreads,
        int consumerThreads,
        int stackSamples,
        Duration phaseTimeout,
        Path root,
        Path report,
        Path workDirectory,
        Path java) {

    static final String USAGE =
            """
            Usage: IngestLoad [--warm-up-ticks N] [--ticks N] [--naive-ticks N] [--ticks-per-message N] [--producer-threads N]
                              [--consumer-threads N] [--stack-samples N] [--phase-timeout SECONDS]
                              [--root DIR] [--report FILE] [--work-dir DIR]
              --warm-up-ticks      batched run before the measured ones, warms up the embedded stack (default 200000; 0: none)
              --ticks              backlog of the batched run (default 1000000)
              --naive-ticks        backlog of the naive run, one tick per message and per publish (default 20000)
              --ticks-per-message  ticks per ingest message in the batched run (default 500)
              --producer-threads   threads sending the backlog (default 4)
              --consumer-threads   threads counting ticks on tickflow-storage-ticks (default 3)
              --stack-samples      thread dumps of the service per drain, for where its time goes (default 20)
              --phase-timeout      seconds one drain may take (default 900)
              --root               repository root with the built jars (default: the working directory)
              --report             report file (default ROOT/bench/reports/ingest-load.md)
              --work-dir           logs of the child processes (default ROOT/bench/target/ingest-load)
            Build first: see bench/README.md.
            """;

    LoadOptions {
        if (ticks < ticksPerMessage || naiveTicks < 1 || ticksPerMessage < 1 || ticksPerMessage > 10_000) {
            throw new IllegalArgumentException("--ticks must be at least --ticks-per-message (1..10000), and"
                    + " --naive-ticks at least 1\n" + USAGE);
        }
        if (warmUpTicks < 0 || (warmUpTicks > 0 && warmUpTicks < ticksPerMessage)) {
            throw new IllegalArgumentException("--warm-up-ticks is 0 or at least --ticks-per-message\n" + USAGE);
        }
        if (producerThreads < 1 || consumerThreads < 1 || stackSamples < 0) {
            throw new IllegalArgumentException("Thread counts are at least 1, --stack-samples at least 0\n" + USAGE);
        }
    }

    static LoadOptions parse(String... args) {
        long warmUpTicks = 200_000;
        long ticks = 1_000_000;
        long naiveTicks = 20_000;
        int ticksPerMessage = 500;
        int producerThreads = 4;
        int consumerThreads = 3;
        int stackSamples = 20;
        Duration phaseTimeout = Duration.ofSeconds(900);
        Path root = Path.of("").toAbsolutePath();
        Path report = null;
        Path work = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = rest.removeFirst();
            switch (option) {
                case "--warm-up-ticks" -> warmUpTicks = Long.parseLong(value);
                case "--ticks" -> ticks = Long.parseLong(value);
                case "--naive-ticks" -> naiveTicks = Long.parseLong(value);
                case "--ticks-per-message" -> ticksPerMessage = Integer.parseInt(value);
                case "--producer-threads" -> producerThreads = Integer.parseInt(value);
                case "--consumer-threads" -> consumerThreads = Integer.parseInt(value);
                case "--stack-samples" -> stackSamples = Integer.parseInt(value);
                case "--phase-timeout" -> phaseTimeout = Duration.ofSeconds(Long.parseLong(value));
                case "--root" -> root = Path.of(value).toAbsolutePath();
                case "--report" -> report = Path.of(value).toAbsolutePath();
                case "--work-dir" -> work = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
            }
        }
        return new LoadOptions(
                warmUpTicks,
                ticks,
                naiveTicks,
                ticksPerMessage,
                producerThreads,
                consumerThreads,
                stackSamples,
                phaseTimeout,
                root,
                report != null ? report : root.resolve("bench/reports/ingest-load.md"),
                work != null ? work : root.resolve("bench/target/ingest-load"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    Path localAwsJar() {
        return root.resolve("local-aws/target/local-aws-exec.jar");
    }

    Path ingestServiceJar() {
        return root.resolve("ingest-service/target/ingest-service-exec.jar");
    }

    Path notificationServiceJar() {
        return root.resolve("notification-service/target/notification-service-exec.jar");
    }

    Path storageServiceJar() {
        return root.resolve("storage-service/target/storage-service-exec.jar");
    }
}
