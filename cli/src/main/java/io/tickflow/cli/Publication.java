package io.tickflow.cli;

import io.tickflow.cli.aws.AwsClients;
import io.tickflow.cli.aws.AwsErrors;
import io.tickflow.cli.batch.MessageBatcher;
import io.tickflow.cli.input.Input;
import io.tickflow.cli.input.S3Location;
import io.tickflow.cli.progress.Progress;
import io.tickflow.cli.read.RawTick;
import io.tickflow.cli.read.ReadResult;
import io.tickflow.cli.read.TickReader;
import io.tickflow.cli.read.TickReaders;
import io.tickflow.cli.read.UnreadableLine;
import io.tickflow.cli.send.Delivery;
import io.tickflow.cli.send.DryRunPublisher;
import io.tickflow.cli.send.MessagePublisher;
import io.tickflow.cli.send.SendSettings;
import io.tickflow.cli.send.Sleeper;
import io.tickflow.cli.send.SqsMessagePublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One run of {@code publish} or {@code backfill}: finds the queue, opens the input, reads ticks, packs them into
 * messages, sends them, shows progress, and ends with a summary and an exit status.
 *
 * <p>It fails fast on what would make every send fail (no queue, no input) before reading anything. Once reading has
 * started, problems are counted rather than fatal: unreadable lines are reported and skipped, messages that cannot be
 * sent are counted and named, and the exit status says which of those happened.
 */
final class Publication {

    static final int OK = 0;
    static final int NOT_ALL_SENT = 1;
    static final int USAGE = 2;
    static final int SOME_UNREADABLE = 3;

    private static final int UNREADABLE_SHOWN = 20;
    private static final Duration PROGRESS_LINE_INTERVAL = Duration.ofSeconds(5);

    /** A failure that ends the run before anything was sent, with what to tell the user. */
    private static final class Stop extends Exception {

        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    Publication(
            Map<String, String> env,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            LongSupplier nanoTime,
            Sleeper sleeper) {
        this.env = env;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    int run(PublishOptions options) {
        String prefix = "tickflow " + options.command().label() + ": ";
        try (AwsClients aws = new AwsClients(env, options.concurrency() + 2)) {
            String queueUrl = options.dryRun() ? null : queueUrl(options, aws);
            try (Input input = open(options, aws)) {
                TickReader reader;
                try {
                    reader = TickReaders.open(options.format(), input.content(), options.read());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                try (reader) {
                    MessagePublisher publisher = queueUrl == null
                            ? new DryRunPublisher(out)
                            : new SqsMessagePublisher(aws.sqs(), queueUrl, sendSettings(options), sleeper);
                    return pump(options, input, reader, publisher, prefix);
                }
            }
        } catch (UsageException e) {
            err.println(prefix + e.getMessage());
            err.println("See ./tickflow " + options.command().label() + " --help");
            return USAGE;
        } catch (Stop e) {
            err.println(prefix + e.getMessage());
            return NOT_ALL_SENT;
        } catch (IOException e) {
            err.println(prefix + "cannot read " + options.input() + ": " + describe(e));
            return NOT_ALL_SENT;
        }
    }

    private String queueUrl(PublishOptions options, AwsClients aws) throws Stop {
        SqsClient sqs;
        try {
            sqs = aws.sqs();
        } catch (IllegalArgumentException e) {
            // The AWS settings in the environment: a malformed endpoint, no region.
            throw new Stop(e.getMessage());
        }
        if (options.queueUrl() != null) {
            return options.queueUrl();
        }
        try {
            return sqs.getQueueUrl(r -> r.queueName(options.queue())).queueUrl();
        } catch (SdkException e) {
            throw new Stop("cannot find the queue " + options.queue() + " at " + aws.sqsEndpointDescription() + ": "
                    + AwsErrors.describe(e)
                    + " (is the stack running? ./tickflow up starts it; ./tickflow env shows where it listens)");
        }
    }

    private Input open(PublishOptions options, AwsClients aws) throws IOException, Stop {
        return switch (options.command()) {
            case PUBLISH ->
                options.input().equals(PublishOptions.STDIN)
                        ? Input.stream("standard input", stdin)
                        : Input.file(Path.of(options.input()));
            case BACKFILL -> {
                S3Location location = S3Location.parse(options.input());
                try {
                    yield Input.s3(aws.s3(), location);
                } catch (SdkException e) {
                    throw new Stop("cannot read " + location + ": " + AwsErrors.describe(e));
                } catch (IllegalArgumentException e) {
                    throw new Stop(e.getMessage());
                }
            }
        };
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> String.valueOf(e.getMessage());
        };
    }

    private static SendSettings sendSettings(PublishOptions options) {
        return new SendSettings(
                options.maxBytes(),
                options.concurrency(),
                options.maxAttempts(),
                Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    private int pump(
            PublishOptions options, Input input, TickReader reader, MessagePublisher publisher, String prefix) {
        Progress progress = new Progress(options.progress(), err, input.size(), nanoTime, PROGRESS_LINE_INTERVAL);
        err.println(prefix + "reading " + input.name() + " (" + options.format().label()
                + (input.gzip() ? ", gzip" : "") + "): " + reader.describe());
        err.println(prefix
                + (options.dryRun()
                        ? "dry run: the first message goes to standard output, nothing is sent"
                        : "sending to " + options.queue() + " in messages of up to " + options.ticksPerMessage()
                                + " ticks"));
        MessageBatcher batcher = new MessageBatcher(options.ticksPerMessage(), options.maxBytes(), publisher::publish);
        long ticksRead = 0;
        long unreadable = 0;
        String stoppedReading = null;
        String inputBroke = null;
        Delivery delivery;
        try {
            ReadResult result;
            while ((result = reader.next()) != null) {
                String problem =
                        switch (result) {
                            case RawTick tick -> batcher.add(tick);
                            case UnreadableLine line -> line.reason();
                        };
                if (problem == null) {
                    ticksRead++;
                } else {
                    unreadable++;
                    if (unreadable <= UNREADABLE_SHOWN) {
                        progress.note("  line " + result.line() + ": " + problem);
                    } else if (unreadable == UNREADABLE_SHOWN + 1) {
                        progress.note("  (more unreadable lines are counted, not shown)");
                    }
                    if (result instanceof UnreadableLine line && line.endsInput()) {
                        inputBroke = "nothing after line " + line.line() + " could be read";
                    }
                }
                progress.update(
                        ticksRead, input.bytesRead(), publisher.delivery().ticksSent());
                if (publisher.delivery().stopReason() != null) {
                    stoppedReading = "stopped reading after line " + result.line() + ": "
                            + publisher.delivery().stopReason();
                    break;
                }
            }
        } catch (IOException e) {
            stoppedReading = "reading " + input.name() + " failed: " + describe(e);
        } finally {
            batcher.finish();
            delivery = publisher.finish();
        }
        progress.finish(ticksRead, input.bytesRead(), delivery.ticksSent());
        return summarise(
                options,
                prefix,
                Math.max(progress.elapsedSeconds(), 1e-3),
                ticksRead,
                unreadable,
                delivery,
                stoppedReading,
                inputBroke);
    }

    private int summarise(
            PublishOptions options,
            String prefix,
            double seconds,
            long ticksRead,
            long unreadable,
            Delivery delivery,
            @Nullable String stoppedReading,
            @Nullable String inputBroke) {
        err.println(prefix + String.format(Locale.ROOT, "done in %.1f s", seconds));
        row("ticks read", ticksRead, String.format(Locale.ROOT, "%,d ticks/s", Math.round(ticksRead / seconds)));
        if (options.dryRun()) {
            row("messages", delivery.messagesSent(), "dry run, none sent");
        } else {
            row(
                    "messages sent",
                    delivery.messagesSent(),
                    String.format(Locale.ROOT, "%,d ticks", delivery.ticksSent()));
            row(
                    "messages not sent",
                    delivery.messagesFailed(),
                    String.format(Locale.ROOT, "%,d ticks", delivery.ticksFailed()));
        }
        row("unreadable lines", unreadable, inputBroke == null ? "" : inputBroke);
        for (String reason : delivery.failureReasons()) {
            err.println("    " + reason);
        }
        if (stoppedReading != null) {
            err.println(prefix + stoppedReading);
        }
        if (delivery.ticksFailed() > 0 || stoppedReading != null) {
            err.println(prefix
                    + String.format(
                            Locale.ROOT,
                            "%,d ticks were not sent%s.",
                            delivery.ticksFailed(),
                            stoppedReading != null ? ", and the input was not read to its end" : "")
                    + " Running the same command again is safe: it sends the same messages, and ingest-service"
                    + " recognises ticks it already has.");
            return NOT_ALL_SENT;
        }
        return unreadable > 0 ? SOME_UNREADABLE : OK;
    }

    private void row(String label, long count, String detail) {
        err.println(String.format(
                Locale.ROOT, "  %-18s %,12d%s", label, count, detail.isEmpty() ? "" : "   (" + detail + ")"));
    }
}
