package io.tickflow.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest load harness: starts the embedded AWS stack and ingest-service as child processes, drains a backlog of
 * real trades through the service twice, batched and naive, and writes {@code bench/reports/ingest-load.md}. Every
 * child process is stopped at the end, also when the run fails or is interrupted. Options: {@link LoadOptions#USAGE}.
 */
public final class IngestLoad {

    private IngestLoad() {}

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // A failure propagates: the JVM prints it, exits with 1 and runs ChildProcess's hook that stops the children.
        run(options, args);
    }

    private static void run(LoadOptions options, String[] args) {
        Instant started = Instant.now();
        Path logs = options.workDirectory()
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(started));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadPhase.log("logs in %s", logs);
        TradeBatches trades = TradeBatches.bitstamp();
        try (EmbeddedAws aws = EmbeddedAws.start(options, logs)) {
            LoadPhase.log("local-aws ready: SQS %s, SNS %s, DynamoDB %s", aws.sqs(), aws.sns(), aws.dynamoDb());
            LoadPhase phase = new LoadPhase(options, aws, trades, logs);
            try {
                List<PhaseResult> results = new ArrayList<>();
                // Trade ids go on where the run before stopped: nothing a run sends was published before.
                long firstTick = 0;
                if (options.warmUpTicks() > 0) {
                    results.add(
                            phase.run(LoadConfig.warmUp(options.warmUpTicks(), options.ticksPerMessage()), firstTick));
                    firstTick += options.warmUpTicks();
                }
                PhaseResult batched =
                        phase.run(LoadConfig.batched(options.ticks(), options.ticksPerMessage()), firstTick);
                results.add(batched);
                firstTick += options.ticks();
                PhaseResult naive = phase.run(LoadConfig.naive(options.naiveTicks()), firstTick);
                results.add(naive);
                LoadReport.write(options.report(), command(args), started, results);
                LoadPhase.log(
                        "batched %,.0f ticks/s ($%.4f per M ticks), naive %,.0f ticks/s ($%.4f per M ticks): %.1fx;"
                                + " report in %s",
                        batched.ticksPerSecond(),
                        LoadReport.dollarsPerMillion(batched),
                        naive.ticksPerSecond(),
                        LoadReport.dollarsPerMillion(naive),
                        batched.ticksPerSecond() / naive.ticksPerSecond(),
                        options.report());
            } finally {
                phase.close();
            }
        }
    }

    private static String command(String[] args) {
        return ("java -cp \"$(cat bench/target/classpath.txt):bench/target/classes\" " + IngestLoad.class.getName()
                        + " " + String.join(" ", args))
                .strip();
    }
}
