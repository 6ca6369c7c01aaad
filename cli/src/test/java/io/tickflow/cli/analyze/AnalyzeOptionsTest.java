package io.tickflow.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.cli.progress.Progress;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractExample;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line of {@code analyze} against the contract's own example requests: the same study written as options
 * must give the very request the example holds, defaults and seeds included.
 */
class AnalyzeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheGridExampleFromItsOptions() throws Exception {
        AnalysisRequest example = example("sma-crossover-grid.json");

        AnalyzeOptions options = parse(
                example,
                Map.of(),
                "btc/usd",
                "1h",
                "--venue",
                "bitstamp",
                "--strategy",
                "sma-crossover",
                "--from",
                "2023-01-01",
                "--to",
                "2024-01-01T00:00:00Z",
                "--param",
                "fast=5:50:5",
                "--param",
                "slow=60:200:20",
                "--param",
                "stopLoss=0.02,0.05,0.1",
                "--optimizer",
                "grid",
                "--trials",
                "1000",
                "--seed",
                "42",
                "--objective",
                "sharpe",
                "--min-trades",
                "30",
                "--max-drawdown",
                "0.25",
                "--fee-bps",
                "7.5",
                "--slippage-bps",
                "2",
                "--direction",
                "long-short",
                "--folds",
                "4",
                "--walk-forward",
                "anchored",
                "--in-sample",
                "0.75");

        assertThat(options.request()).isEqualTo(example);
        assertThat(options.request().parameters().get("fast"))
                .isEqualTo(new ParameterSpace.Range(new BigDecimal("5"), new BigDecimal("50"), new BigDecimal("5")));
        assertThat(options.await()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.progress()).isEqualTo(Progress.Mode.LINES);
    }

    @Test
    void buildsContinuousRangesAndChoicesAsTheRandomExampleHasThem() throws Exception {
        AnalysisRequest example = example("rsi-random-continuous.json");

        AnalyzeOptions options = parse(
                example,
                Map.of("TICKFLOW_VENUE", "bitstamp"),
                "BTC-USD",
                "1d",
                "--strategy",
                "rsi-reversion",
                "--from",
                "2014-01-01",
                "--to",
                "2024-01-01",
                "--param",
                "period=7,14,21",
                "--param",
                "oversold=10:40",
                "--param",
                "overbought=60:90",
                "--optimizer",
                "cmaes",
                "--trials",
                "250",
                "--objective",
                "profit-factor",
                "--min-trades",
                "0");

        assertThat(options.request()).isEqualTo(example);
        assertThat(options.request().parameters().get("oversold"))
                .isEqualTo(new ParameterSpace.Range(new BigDecimal("10"), new BigDecimal("40"), null));
        assertThat(options.request().parameters().get("period"))
                .isEqualTo(new ParameterSpace.Choices(
                        List.of(new BigDecimal("7"), new BigDecimal("14"), new BigDecimal("21"))));
    }

    @Test
    void fillsEveryDefaultAsTheMinimalExampleHasThem() throws Exception {
        AnalysisRequest example = example("minimal-with-defaults.json");

        AnalyzeOptions options = parse(
                example,
                Map.of(),
                "ETH-USD",
                "5m",
                "--venue",
                "bitstamp",
                "--strategy",
                "rsi-reversion",
                "--from",
                "2023-03-13",
                "--to",
                "2023-03-15T00:00:00+00:00");

        AnalysisRequest request = options.request();
        assertThat(request).isEqualTo(example);
        assertThat(request.parameters()).isEmpty();
        assertThat(request.optimizer().method()).isEqualTo(Optimizer.Method.GRID);
        assertThat(request.optimizer().trials()).isEqualTo(Optimizer.DEFAULT_TRIALS);
        assertThat(request.optimizer().seed()).isNotNull();
        assertThat(request.objective()).isEqualTo(Objective.SHARPE);
        assertThat(request.constraints()).isEqualTo(Constraints.defaults());
        assertThat(request.costs()).isEqualTo(Costs.defaults());
        assertThat(request.direction()).isEqualTo(Direction.LONG_ONLY);
        assertThat(request.walkForward()).isEqualTo(WalkForward.defaults());
    }

    @Test
    void takesANewRequestIdAndTheClocksTimeForEveryRequest() throws Exception {
        UUID id = UUID.fromString("0b0e4b0a-52b8-4c43-a1ab-3f8b8f1f2a77");
        Instant now = Instant.parse("2025-06-01T12:34:56.789Z");

        AnalyzeOptions options = AnalyzeOptions.parse(
                List.of(
                        "BTC-USD",
                        "1h",
                        "--venue",
                        "kraken",
                        "--strategy",
                        "sma-crossover",
                        "--from",
                        "2024-01-01",
                        "--to",
                        "2024-02-01"),
                Map.of("TICKFLOW_VENUE", "bitstamp"),
                Clock.fixed(now, ZoneOffset.UTC),
                () -> id);

        assertThat(options.request())
                .isEqualTo(new AnalysisRequest(
                        id,
                        now,
                        "kraken",
                        "BTC-USD",
                        Interval.ONE_HOUR,
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-02-01T00:00:00Z"),
                        "sma-crossover",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void readsHowToWait() throws Exception {
        AnalysisRequest example = example("minimal-with-defaults.json");
        List<String> study = List.of(
                "ETH-USD",
                "5m",
                "--venue",
                "bitstamp",
                "--strategy",
                "rsi-reversion",
                "--from",
                "2023-03-13",
                "--to",
                "2023-03-15");

        AnalyzeOptions noWait = parse(example, Map.of(), with(study, "--no-wait", "--timeout", "90s"));
        AnalyzeOptions bar = parse(
                example, Map.of(), with(study, "--progress", "lines", "--timeout", "PT1H30M", "--progress", "bar"));

        assertThat(noWait.await()).isFalse();
        assertThat(noWait.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(bar.await()).isTrue();
        assertThat(bar.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(bar.progress()).isEqualTo(Progress.Mode.BAR);
    }

    @Test
    void sendsARequestFileAsItIs() throws Exception {
        ContractExample example = Contract.ANALYSIS_REQUEST.examples().stream()
                .filter(e -> e.name().equals("sma-crossover-grid.json"))
                .findFirst()
                .orElseThrow();
        Path file = Files.writeString(dir.resolve("study.json"), example.json());

        AnalyzeOptions options = AnalyzeOptions.parse(
                List.of("--request", file.toString(), "--no-wait"), Map.of(), Clock.systemUTC(), () -> {
                    throw new AssertionError("a request file keeps its own id");
                });

        assertThat(options.request()).isEqualTo(ContractJson.mapper().readValue(example.json(), AnalysisRequest.class));
        assertThat(options.await()).isFalse();
    }

    @Test
    void refusesARequestFileThatIsNotACompleteRequest() throws IOException {
        Path noId = Files.writeString(
                dir.resolve("no-id.json"),
                """
                {"schema":"tickflow.analysis-request.v1","submittedAt":"2024-03-01T09:30:00Z","venue":"bitstamp",
                 "symbol":"BTC-USD","interval":"1h","from":"2023-01-01T00:00:00Z","to":"2024-01-01T00:00:00Z",
                 "strategy":"sma-crossover"}""");

        assertThatThrownBy(() -> parseArgs("--request", noId.toString()))
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("is not a complete tickflow.analysis-request.v1 request")
                .hasMessageContaining("requestId");
        assertThatThrownBy(
                        () -> parseArgs("--request", dir.resolve("missing.json").toString()))
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> parseArgs("--request", noId.toString(), "--strategy", "x"))
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("--request sends")
                .hasMessageContaining("--strategy");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "BTC-USD                                                       | give a SYMBOL and an INTERVAL",
                "BTC-USD 2h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 | INTERVAL is one of 1m, 5m, 1h, 1d, not 2h",
                "BTC-USD 1h --strategy s --from 2024-01-01 --to 2024-02-01     | name the venue with --venue",
                "BTC-USD 1h --venue v --from 2024-01-01 --to 2024-02-01        | name the strategy to optimise",
                "BTC-USD 1h --venue v --strategy s --to 2024-02-01             | give the period's start with --from",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01           | give the period's end with --to",
                "BTC-USD 1h --venue v --strategy s --from 2024-13-01 --to 2024-02-01 | --from is an ISO-8601 instant",
                "BTC-USD 1h --venue v --strategy s --from 2024-02-01 --to 2024-01-01 | starts before it ends",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast | --param is NAME=MIN:MAX:STEP",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast=5:x | --param fast takes numbers, not x",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast=50:5:5 | max 5 is below its min 50",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast=5:50:0 | step is positive",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast=1:2:3:4 | MIN:MAX:STEP, MIN:MAX or V1,V2",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param f=1 --param f=2 | --param f is given twice",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --param fast=5:50 | the grid optimizer needs a step for every range",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --optimizer bayes | --optimizer is one of grid, random, cmaes, genetic, not bayes",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --trials 0 | tries at least one parameter set",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --trials many | --trials takes a whole number",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --objective alpha | --objective is one of sharpe, sortino, calmar, cagr, profit-factor",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --max-drawdown 1.5 | maxDrawdown is a fraction",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --fee-bps -1 | Costs are not negative",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --in-sample 1 | inSampleFraction is above 0 and below 1",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --walk-forward expanding | --walk-forward is one of rolling, anchored",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --timeout soon | --timeout is like 90s, 30m or 2h",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --timeout 0s | --timeout is positive",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --progress fancy | --progress is one of bar, lines, none",
                "BTC-USD 1h --venue v --strategy s --strategy t --from 2024-01-01 --to 2024-02-01 | --strategy is given twice",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to 2024-02-01 --cancel | unknown option --cancel",
                "BTC-USD 1h --venue v --strategy s --from 2024-01-01 --to | --to needs a value",
            })
    void refusesWhatItCannotSendSayingWhy(String commandLine, String problem) {
        assertThatThrownBy(() -> parseArgs(commandLine.trim().split("\\s+")))
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining(problem);
    }

    private static AnalysisRequest example(String name) {
        return Contract.ANALYSIS_REQUEST.examples().stream()
                .filter(e -> e.name().equals(name))
                .map(e -> ContractJson.mapper().readValue(e.json(), AnalysisRequest.class))
                .findFirst()
                .orElseThrow();
    }

    /** Parses with the example's id and submission time, so that the result can equal the example. */
    private static AnalyzeOptions parse(AnalysisRequest example, Map<String, String> env, String... args)
            throws InvalidOptionsException {
        return parse(example, env, List.of(args));
    }

    private static AnalyzeOptions parse(AnalysisRequest example, Map<String, String> env, List<String> args)
            throws InvalidOptionsException {
        return AnalyzeOptions.parse(args, env, Clock.fixed(example.submittedAt(), ZoneOffset.UTC), example::requestId);
    }

    private static AnalyzeOptions parseArgs(String... args) throws InvalidOptionsException {
        return AnalyzeOptions.parse(List.of(args), Map.of(), Clock.systemUTC(), UUID::randomUUID);
    }

    private static List<String> with(List<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more))
                .toList();
    }
}
