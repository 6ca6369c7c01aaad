package io.tickflow.cli;

import io.tickflow.cli.input.S3Location;
import io.tickflow.cli.progress.Progress;
import io.tickflow.cli.read.Format;
import io.tickflow.cli.read.ReadOptions;
import io.tickflow.cli.read.TickKind;
import io.tickflow.common.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code publish} or {@code backfill} command line, checked: everything a run needs to know, with the defaults
 * filled in.
 *
 * @param command which command it is
 * @param input the file, {@code -} or the {@code s3://} address
 * @param format how the input is written
 * @param read how ticks are read from it
 * @param queue the queue's name
 * @param queueUrl the queue's URL, when given instead of looked up
 * @param ticksPerMessage at most this many ticks per message
 * @param maxBytes at most this many bytes per message and per SendMessageBatch call
 * @param concurrency how many calls may be in flight
 * @param maxAttempts how many times a message is tried
 * @param dryRun print the first message instead of sending
 * @param progress how progress is shown
 */
record PublishOptions(
        Command command,
        String input,
        Format format,
        ReadOptions read,
        String queue,
        @Nullable String queueUrl,
        int ticksPerMessage,
        int maxBytes,
        int concurrency,
        int maxAttempts,
        boolean dryRun,
        Progress.Mode progress) {

    /** The two commands. */
    enum Command {
        PUBLISH,
        BACKFILL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String STDIN = "-";

    private static final Set<String> FLAGS = Set.of("--dry-run", "--no-header");
    private static final Set<String> VALUED = Set.of(
            "--format",
            "--columns",
            "--type",
            "--symbol",
            "--venue",
            "--interval",
            "--delimiter",
            "--queue",
            "--queue-url",
            "--ticks-per-message",
            "--max-bytes",
            "--concurrency",
            "--max-attempts",
            "--progress");

    PublishOptions {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Reads the arguments after the command name. A later option wins over an earlier one, so the launcher can put
     * its defaults first.
     *
     * @throws UsageException when they do not make a run, saying why
     */
    static PublishOptions parse(Command command, List<String> args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals(STDIN) || !arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (FLAGS.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                values.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (eq >= 0) {
                    values.put(name, arg.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    values.put(name, args.get(++i));
                } else {
                    throw new UsageException(name + " needs a value");
                }
            } else {
                throw new UsageException("Unknown option " + name);
            }
        }
        if (positional.size() != 1) {
            throw new UsageException(
                    positional.isEmpty()
                            ? (command == Command.PUBLISH
                                    ? "Name the file to publish"
                                    : "Name the S3 object: s3://bucket/key")
                            : "One input at a time, not " + positional);
        }
        String input = positional.get(0);
        checkInputFits(command, input);

        Format format = values.containsKey("--format")
                ? Format.named(values.get("--format"))
                        .orElseThrow(() ->
                                new UsageException("--format is csv, ndjson or json, not " + values.get("--format")))
                : Format.ofName(input)
                        .orElseThrow(() -> new UsageException("Cannot tell the format of " + input
                                + " from its name: pass --format csv|ndjson|json"));
        TickKind kind = null;
        if (values.containsKey("--type")) {
            kind = TickKind.named(values.get("--type"))
                    .orElseThrow(
                            () -> new UsageException("--type is trade, quote or bar, not " + values.get("--type")));
        }
        boolean tsv = input.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?");
        char delimiter = values.containsKey("--delimiter") ? delimiter(values.get("--delimiter")) : tsv ? '\t' : ',';
        ReadOptions read = new ReadOptions(
                values.get("--columns"),
                kind,
                nonBlank(values, "--venue"),
                nonBlank(values, "--symbol"),
                nonBlank(values, "--interval"),
                delimiter,
                !values.containsKey("--no-header"));
        Progress.Mode progress = Progress.Mode.LINES;
        if (values.containsKey("--progress")) {
            try {
                progress = Progress.Mode.valueOf(values.get("--progress").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--progress is bar, lines or none, not " + values.get("--progress"));
            }
        }
        return new PublishOptions(
                command,
                input,
                format,
                read,
                values.getOrDefault("--queue", Topology.tickflow().queue("ingest")),
                values.get("--queue-url"),
                number(values, "--ticks-per-message", 500, 1, 100_000),
                number(values, "--max-bytes", 262_144, 1_024, 1_048_576),
                number(values, "--concurrency", 4, 1, 64),
                number(values, "--max-attempts", 6, 1, 100),
                values.containsKey("--dry-run"),
                progress);
    }

    private static void checkInputFits(Command command, String input) throws UsageException {
        boolean s3 = S3Location.looksLikeOne(input);
        if (command == Command.PUBLISH && s3) {
            throw new UsageException("publish reads local files; for an S3 object use ./tickflow backfill " + input);
        }
        if (command == Command.BACKFILL) {
            if (!s3) {
                throw new UsageException(
                        "backfill reads an S3 object (s3://bucket/key); for a local file use ./tickflow publish "
                                + input);
            }
            try {
                S3Location.parse(input);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    private static char delimiter(String value) throws UsageException {
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1) {
            throw new UsageException("--delimiter is one character or \"tab\", not \"" + value + "\"");
        }
        return value.charAt(0);
    }

    private static @Nullable String nonBlank(Map<String, String> values, String name) throws UsageException {
        String value = values.get(name);
        if (value != null && value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return value == null ? null : value.trim();
    }

    private static int number(Map<String, String> values, String name, int fallback, int min, int max)
            throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new UsageException(name + " is a whole number from " + min + " to " + max + ", not " + text);
    }
}
