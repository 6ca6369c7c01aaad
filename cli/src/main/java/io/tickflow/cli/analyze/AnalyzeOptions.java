package io.tickflow.cli.analyze;

import io.tickflow.cli.progress.Progress;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.Optimizer;
import io.tickflow.common.contract.analysis.ParameterSpace;
import io.tickflow.common.contract.analysis.WalkForward;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * What one {@code analyze} command line asks for: the request to send and how to wait for its outcome.
 *
 * @param request the request, complete with its id and defaults
 * @param await whether to follow the study until it ends ({@code false} with {@code --no-wait})
 * @param timeout how long to follow it before giving up
 * @param progress how to show its progress
 */
record AnalyzeOptions(AnalysisRequest request, boolean await, Duration timeout, Progress.Mode progress) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** The environment variable that names the venue when {@code --venue} does not. */
    static final String VENUE_VARIABLE = "TICKFLOW_VENUE";

    private static final Set<String> REQUEST_OPTIONS = Set.of(
            "--strategy",
            "--venue",
            "--from",
            "--to",
            "--param",
            "--optimizer",
            "--trials",
            "--seed",
            "--objective",
            "--direction",
            "--fee-bps",
            "--slippage-bps",
            "--min-trades",
            "--max-drawdown",
            "--folds",
            "--walk-forward",
            "--in-sample");
    private static final Set<String> RUN_OPTIONS = Set.of("--request", "--timeout", "--progress");
    private static final String NO_WAIT = "--no-wait";
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    /**
     * Reads a command line (what follows {@code analyze}).
     *
     * @param env where {@value #VENUE_VARIABLE} comes from
     * @param clock what {@code submittedAt} is read from
     * @param requestIds where a new request's id comes from
     * @throws InvalidOptionsException saying what is wrong with the command line
     */
    static AnalyzeOptions parse(List<String> args, Map<String, String> env, Clock clock, Supplier<UUID> requestIds)
            throws InvalidOptionsException {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, ParameterSpace> parameters = new LinkedHashMap<>();
        boolean await = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals(NO_WAIT)) {
                await = false;
                continue;
            }
            if (!REQUEST_OPTIONS.contains(arg) && !RUN_OPTIONS.contains(arg)) {
                throw new InvalidOptionsException("unknown option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new InvalidOptionsException(arg + " needs a value");
            }
            String value = args.get(++i);
            if (arg.equals("--param")) {
                addParameter(parameters, value);
                values.putIfAbsent(arg, value);
            } else if (arg.equals("--progress")) {
                // ./tickflow passes --progress first; one the user adds wins.
                values.put(arg, value);
            } else if (values.put(arg, value) != null) {
                throw new InvalidOptionsException(arg + " is given twice");
            }
        }
        Duration timeout = values.containsKey("--timeout") ? duration(values.get("--timeout")) : DEFAULT_TIMEOUT;
        Progress.Mode progress = values.containsKey("--progress")
                ? choice("--progress", values.get("--progress"), Progress.Mode.values(), m -> m.name()
                        .toLowerCase(Locale.ROOT))
                : Progress.Mode.LINES;
        String file = values.get("--request");
        AnalysisRequest request;
        if (file != null) {
            List<String> building =
                    values.keySet().stream().filter(REQUEST_OPTIONS::contains).toList();
            if (!positional.isEmpty() || !building.isEmpty()) {
                throw new InvalidOptionsException("--request sends " + file + " as it is; leave out "
                        + (positional.isEmpty() ? String.join(", ", building) : "SYMBOL, INTERVAL and the options")
                        + " or drop --request");
            }
            request = read(Path.of(file));
        } else {
            request = build(positional, values, parameters, env, clock, requestIds);
        }
        return new AnalyzeOptions(request, await, timeout, progress);
    }

    private static AnalysisRequest build(
            List<String> positional,
            Map<String, String> values,
            Map<String, ParameterSpace> parameters,
            Map<String, String> env,
            Clock clock,
            Supplier<UUID> requestIds)
            throws InvalidOptionsException {
        if (positional.size() != 2) {
            throw new InvalidOptionsException(
                    "give a SYMBOL and an INTERVAL, e.g. ./tickflow analyze BTC-USD 1h --strategy sma-crossover ...");
        }
        String symbol = positional.get(0).toUpperCase(Locale.ROOT).replace('/', '-');
        Interval interval = Interval.fromWireName(positional.get(1))
                .orElseThrow(() -> new InvalidOptionsException("INTERVAL is one of "
                        + Arrays.stream(Interval.values())
                                .map(Interval::wireName)
                                .collect(Collectors.joining(", "))
                        + ", not " + positional.get(1)));
        String venue = values.get("--venue");
        if (venue == null) {
            venue = env.get(VENUE_VARIABLE);
        }
        if (venue == null || venue.isBlank()) {
            throw new InvalidOptionsException("name the venue with --venue (or export " + VENUE_VARIABLE + ")");
        }
        String strategy =
                required(values, "--strategy", "name the strategy to optimise, e.g. --strategy sma-crossover");
        Instant from = time("--from", required(values, "--from", "give the period's start with --from"));
        Instant to = time("--to", required(values, "--to", "give the period's end with --to"));
        try {
            Optimizer optimizer = new Optimizer(
                    optional(
                            values,
                            "--optimizer",
                            v -> choice("--optimizer", v, Optimizer.Method.values(), Optimizer.Method::wireName)),
                    optional(values, "--trials", v -> integer("--trials", v)),
                    optional(values, "--seed", v -> longValue("--seed", v)));
            if (optimizer.method() == Optimizer.Method.GRID) {
                for (Map.Entry<String, ParameterSpace> parameter : parameters.entrySet()) {
                    if (parameter.getValue() instanceof ParameterSpace.Range range && range.step() == null) {
                        throw new InvalidOptionsException(
                                "the grid optimizer needs a step for every range: give --param "
                                        + parameter.getKey() + "=MIN:MAX:STEP, or search the continuous range with"
                                        + " --optimizer random, cmaes or genetic");
                    }
                }
            }
            return new AnalysisRequest(
                    requestIds.get(),
                    clock.instant(),
                    venue.trim(),
                    symbol,
                    interval,
                    from,
                    to,
                    strategy,
                    parameters,
                    optimizer,
                    optional(
                            values,
                            "--objective",
                            v -> choice("--objective", v, Objective.values(), Objective::wireName)),
                    new Constraints(
                            optional(values, "--min-trades", v -> integer("--min-trades", v)),
                            optional(values, "--max-drawdown", v -> decimal("--max-drawdown", v))),
                    new Costs(
                            optional(values, "--fee-bps", v -> decimal("--fee-bps", v)),
                            optional(values, "--slippage-bps", v -> decimal("--slippage-bps", v))),
                    optional(
                            values,
                            "--direction",
                            v -> choice("--direction", v, Direction.values(), Direction::wireName)),
                    new WalkForward(
                            optional(values, "--folds", v -> integer("--folds", v)),
                            optional(
                                    values,
                                    "--walk-forward",
                                    v -> choice(
                                            "--walk-forward",
                                            v,
                                            WalkForward.Mode.values(),
                                            WalkForward.Mode::wireName)),
                            optional(values, "--in-sample", v -> decimal("--in-sample", v))));
        } catch (IllegalArgumentException e) {
            // The contract's records check their values and say what is wrong.
            throw new InvalidOptionsException(e.getMessage());
        }
    }

    /** {@code NAME=MIN:MAX:STEP} (a grid), {@code NAME=MIN:MAX} (continuous) or {@code NAME=V1,V2,...} (choices). */
    private static void addParameter(Map<String, ParameterSpace> parameters, String spec)
            throws InvalidOptionsException {
        int equals = spec.indexOf('=');
        String name = equals < 0 ? "" : spec.substring(0, equals).trim();
        String values = equals < 0 ? "" : spec.substring(equals + 1).trim();
        if (name.isEmpty() || values.isEmpty()) {
            throw new InvalidOptionsException(
                    "--param is NAME=MIN:MAX:STEP, NAME=MIN:MAX or NAME=V1,V2,...; not " + spec);
        }
        if (parameters.containsKey(name)) {
            throw new InvalidOptionsException("--param " + name + " is given twice");
        }
        String option = "--param " + name;
        ParameterSpace space;
        try {
            if (values.contains(":")) {
                String[] parts = values.split(":", -1);
                if (parts.length > 3 || values.contains(",")) {
                    throw new InvalidOptionsException(option + " is MIN:MAX:STEP, MIN:MAX or V1,V2,...; not " + values);
                }
                space = new ParameterSpace.Range(
                        decimal(option, parts[0]),
                        decimal(option, parts[1]),
                        parts.length == 3 ? decimal(option, parts[2]) : null);
            } else {
                List<BigDecimal> choices = new ArrayList<>();
                for (String value : values.split(",", -1)) {
                    choices.add(decimal(option, value));
                }
                space = new ParameterSpace.Choices(choices);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionsException(option + ": " + e.getMessage());
        }
        parameters.put(name, space);
    }

    private static AnalysisRequest read(Path file) throws InvalidOptionsException {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidOptionsException(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        try {
            return ContractJson.mapper().readValue(json, AnalysisRequest.class);
        } catch (JacksonException e) {
            throw new InvalidOptionsException(
                    file + " is not a complete " + AnalysisRequest.SCHEMA + " request: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String required(Map<String, String> values, String option, String hint)
            throws InvalidOptionsException {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new InvalidOptionsException(hint);
        }
        return value.trim();
    }

    /** A converter that may refuse the text it is given. */
    private interface Reader<T> {
        T read(String value) throws InvalidOptionsException;
    }

    private static <T> @Nullable T optional(Map<String, String> values, String option, Reader<T> reader)
            throws InvalidOptionsException {
        String value = values.get(option);
        return value == null ? null : reader.read(value.trim());
    }

    /** An ISO-8601 instant (with Z or an offset), or a date meaning its midnight UTC. */
    static Instant time(String option, String value) throws InvalidOptionsException {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidOptionsException(option + " is an ISO-8601 instant (2013-11-25T10:00:00Z) or a UTC date"
                    + " (2013-11-25), not " + value);
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, or ISO-8601 ({@code PT1H30M}). */
    static Duration duration(String value) throws InvalidOptionsException {
        Duration duration;
        Matcher units = DURATION.matcher(value.trim());
        try {
            if (units.matches()) {
                long amount = Long.parseLong(units.group(1));
                duration = switch (units.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                duration = Duration.parse(value.trim());
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new InvalidOptionsException("--timeout is like 90s, 30m or 2h, not " + value);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidOptionsException("--timeout is positive, not " + value);
        }
        return duration;
    }

    private static <E> E choice(String option, String value, E[] choices, Function<E, String> name)
            throws InvalidOptionsException {
        for (E choice : choices) {
            if (name.apply(choice).equals(value)) {
                return choice;
            }
        }
        throw new InvalidOptionsException(option + " is one of "
                + Arrays.stream(choices).map(name).collect(Collectors.joining(", ")) + ", not " + value);
    }

    private static BigDecimal decimal(String option, String value) throws InvalidOptionsException {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(option + " takes numbers, not " + value);
        }
    }

    private static int integer(String option, String value) throws InvalidOptionsException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(option + " takes a whole number, not " + value);
        }
    }

    private static long longValue(String option, String value) throws InvalidOptionsException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(option + " takes a whole number, not " + value);
        }
    }
}
