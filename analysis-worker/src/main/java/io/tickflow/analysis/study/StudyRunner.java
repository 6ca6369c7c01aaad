package io.tickflow.analysis.study;

import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.optimize.InvalidSearchSpaceException;
import io.tickflow.analysis.optimize.Search;
import io.tickflow.analysis.optimize.SearchOutcome;
import io.tickflow.analysis.optimize.SearchSpace;
import io.tickflow.analysis.optimize.Searches;
import io.tickflow.analysis.optimize.TrialEvaluator;
import io.tickflow.analysis.overfitting.DeflatedSharpe;
import io.tickflow.analysis.overfitting.FoldWindow;
import io.tickflow.analysis.overfitting.Pbo;
import io.tickflow.analysis.overfitting.ReturnMoments;
import io.tickflow.analysis.overfitting.WalkForwardPlan;
import io.tickflow.analysis.report.EquityCurve;
import io.tickflow.analysis.report.StudyReport;
import io.tickflow.analysis.report.TrialPoint;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.WalkForwardResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the study an analysis request asks for, from its first trial to its published outcome.
 *
 * <p>The search runs here, on the worker that took the request; its trials run on every worker, in batches handed out
 * through {@link TrialBatches}. Every step is deterministic for a request (the seed comes from it), so a study resumed
 * by another worker after this one died asks for the same batches again and finds their results stored.
 *
 * <p>What a new request can fix ends as {@code AnalysisFailed} with a reason; what a retry can fix (an AWS service not
 * answering) propagates, and the request comes back.
 */
public final class StudyRunner {

    private static final MathContext SIGNIFICANT = new MathContext(8);

    /** The search phase over the whole period; the walk-forward folds' phases are {@code fold0}, {@code fold1}... */
    private static final String FULL = "full";

    private final PreparedStudies studies;
    private final JobStore jobs;
    private final TrialBatches batches;
    private final ReportStore reports;
    private final AnalysisEvents events;
    private final Clock clock;
    private final Settings settings;

    public StudyRunner(
            PreparedStudies studies,
            JobStore jobs,
            TrialBatches batches,
            ReportStore reports,
            AnalysisEvents events,
            Clock clock,
            Settings settings) {
        this.studies = studies;
        this.jobs = jobs;
        this.batches = batches;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * How studies are run.
     *
     * @param maxGridSize the most parameter sets a request's space may hold; larger ones fail
     * @param batchSize the most parameter sets in one trial batch
     * @param localBelow batches with fewer sets than this run on the coordinating worker, without a queue round trip
     * @param minBarsPerWindow the fewest bars a walk-forward window may hold
     * @param progressInterval how often progress is published
     */
    public record Settings(
            long maxGridSize, int batchSize, int localBelow, int minBarsPerWindow, Duration progressInterval) {}

    /** The job id of a request: its request id, so that a redelivered request finds its job. */
    public static String jobId(UUID requestId) {
        return "job-" + requestId;
    }

    /** Runs the study of {@code request} to its outcome, which it records and publishes. */
    public void run(AnalysisRequest request) {
        String jobId = jobId(request.requestId());
        JobStore.Job job = jobs.begin(jobId, request);
        AnalysisEvent outcome = job.outcome();
        if (outcome == null) {
            StudyFailure failure;
            try {
                outcome = new Study(jobId, request).run();
                failure = null;
            } catch (StudyFailure failed) {
                failure = failed;
            } catch (InvalidSearchSpaceException invalid) {
                // A search that cannot cover the space within the budget (a grid larger than the trials) says so
                // only when it starts.
                failure = new StudyFailure("INVALID_PARAMETERS", invalid.getMessage());
            } catch (IllegalArgumentException unusable) {
                // Data the engine cannot use (a candle without a positive price, a return that is not a number):
                // retrying would fail the same way, so the requester is told at once.
                failure = new StudyFailure(
                        "INVALID_DATA",
                        "The study cannot run on the stored candles: " + unusable.getMessage()
                                + ". Check the candles of the period, or ask for another period.");
            }
            if (failure != null) {
                outcome = new AnalysisFailed(
                        eventId(jobId, "failed"),
                        clock.instant(),
                        jobId,
                        request.requestId(),
                        request.symbol(),
                        request.strategy(),
                        failure.reasonCode(),
                        failure.reason());
            }
            // The outcome is stored before it is announced: a request redelivered after a failed publish announces
            // the same event (same id) again instead of running the study twice.
            outcome = jobs.finish(jobId, outcome);
            studies.forget(jobId);
        }
        events.publish(outcome);
    }

    // Outcome events get ids derived from the job, so that announcing one again is recognisably the same event.
    private static UUID eventId(String jobId, String what) {
        return UUID.nameUUIDFromBytes((jobId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** One study's state while it runs. */
    private final class Study {

        private final String jobId;
        private final AnalysisRequest request;
        private int completedTrials;
        private int totalTrials;
        private double bestValue = Double.NaN;
        private Instant nextProgress;

        Study(String jobId, AnalysisRequest request) {
            this.jobId = jobId;
            this.request = request;
            this.nextProgress = clock.instant();
        }

        AnalysisCompleted run() {
            StudySpec spec = StudySpec.of(request);
            SearchSpace space = searchSpace(spec);
            Indicators indicators = studies.get(jobId, request).indicators();
            Bars bars = indicators.bars();
            if (bars.size() == 0) {
                throw new StudyFailure(
                        "NO_DATA",
                        "There are no " + request.interval().wireName() + " candles of " + request.venue() + " "
                                + request.symbol() + " from " + request.from() + " to " + request.to()
                                + "; publish ticks for that period first, or ask for a period that has them.");
            }
            List<FoldWindow> folds = folds(bars);
            TrialRunner local = new TrialRunner(spec, indicators);
            Search search = Searches.of(request.optimizer().method());
            int budget = request.optimizer().trials();
            long seed = Objects.requireNonNull(request.optimizer().seed(), "the request fills in a seed");
            long perSearch = Math.min(budget, space.gridSize().orElse(budget));
            totalTrials = (int) Math.min(Integer.MAX_VALUE, perSearch * (1 + folds.size()));

            Window all = new Window(0, bars.size());
            List<TrialResult> fullTrials = new ArrayList<>();
            SearchOutcome full = search.run(space, budget, seed, evaluator(FULL, all, true, local, fullTrials));
            TrialResult best = best(fullTrials);

            Metrics metrics = local.backtest(all, best.parameters());
            double[] returns = local.barReturns().clone();
            WalkForwardResult walkForward = walkForward(spec, search, space, budget, seed, folds, bars, local, best);
            Optional<BigDecimal> deflated = deflatedSharpe(fullTrials, returns, bars.size());
            Optional<Pbo.Estimate> pbo = pbo(fullTrials);

            BigDecimal objectiveValue = decimal(best.value());
            SortedMap<String, BigDecimal> bestParameters = decimals(best.parameters());
            StudyReport report = new StudyReport(
                    jobId,
                    request.requestId(),
                    clock.instant(),
                    request.venue(),
                    request.symbol(),
                    request.interval().wireName(),
                    request.strategy(),
                    request.optimizer().method().wireName(),
                    request.objective(),
                    request.direction(),
                    request.costs(),
                    request.constraints(),
                    request.from(),
                    request.to(),
                    bars.size(),
                    bestParameters,
                    objectiveValue,
                    metrics.asMap(),
                    full.trials().size(),
                    EquityCurve.downsample(
                            equityTimes(bars),
                            Backtester.equityCurve(returns, 0, bars.size()),
                            Backtester.buyAndHold(bars, 0, bars.size())),
                    fullTrials.stream()
                            .map(t -> new TrialPoint(decimals(t.parameters()), t.value()))
                            .toList(),
                    walkForward,
                    deflated.orElse(null),
                    pbo.map(p -> decimal(p.probability())).orElse(null),
                    pbo.map(Pbo.Estimate::logits).orElse(List.of()));
            ReportStore.StoredReport stored = reports.store(report);
            return new AnalysisCompleted(
                    eventId(jobId, "completed"),
                    clock.instant(),
                    jobId,
                    request.requestId(),
                    request.venue(),
                    request.symbol(),
                    request.interval(),
                    request.strategy(),
                    request.objective(),
                    objectiveValue,
                    bestParameters,
                    metrics.asMap(),
                    full.trials().size(),
                    walkForward,
                    deflated.orElse(null),
                    pbo.map(p -> decimal(p.probability())).orElse(null),
                    stored.jsonKey(),
                    stored.htmlUrl());
        }

        private SearchSpace searchSpace(StudySpec spec) {
            try {
                return SearchSpace.of(
                        request.strategy(),
                        spec.parameters(request.parameters()),
                        request.parameters(),
                        settings.maxGridSize());
            } catch (InvalidSearchSpaceException invalid) {
                throw new StudyFailure("INVALID_PARAMETERS", invalid.getMessage());
            }
        }

        private List<FoldWindow> folds(Bars bars) {
            try {
                return WalkForwardPlan.split(bars.size(), request.walkForward(), settings.minBarsPerWindow());
            } catch (IllegalArgumentException tooShort) {
                throw new StudyFailure(
                        "INSUFFICIENT_DATA",
                        "The period holds " + bars.size() + " "
                                + request.interval().wireName() + " candles, too few for the walk-forward check: "
                                + tooShort.getMessage());
            }
        }

        /**
         * An evaluator for one search: it cuts each batch the search proposes into trial batches, has them run, keeps
         * every result in {@code kept} and publishes progress.
         */
        private TrialEvaluator evaluator(
                String phase, Window window, boolean withBlocks, TrialRunner local, List<TrialResult> kept) {
            int[] step = {0};
            return sets -> {
                if (jobs.cancelRequested(jobId)) {
                    throw new StudyFailure("CANCELLED", "The study was cancelled before it finished.");
                }
                List<TrialResult> results;
                if (sets.size() < settings.localBelow()) {
                    results = local.run(window, sets, withBlocks);
                } else {
                    List<TrialBatch> parts = new ArrayList<>();
                    for (int from = 0; from < sets.size(); from += settings.batchSize()) {
                        List<ParameterSet> part =
                                sets.subList(from, Math.min(sets.size(), from + settings.batchSize()));
                        String batchId = String.format("%s-%04d-%d", phase, step[0], parts.size());
                        parts.add(new TrialBatch(jobId, batchId, window, withBlocks, part));
                    }
                    results = batches.evaluate(parts).stream()
                            .flatMap(List::stream)
                            .toList();
                }
                step[0]++;
                kept.addAll(results);
                progressed(results, phase.equals(FULL));
                return results.stream().mapToDouble(TrialResult::value).toArray();
            };
        }

        // The best value reported while running is the whole period's; fold searches run over other windows.
        private void progressed(List<TrialResult> results, boolean wholePeriod) {
            completedTrials = Math.min(totalTrials, completedTrials + results.size());
            if (wholePeriod) {
                for (TrialResult result : results) {
                    if (result.feasible() && !(result.value() <= bestValue)) {
                        bestValue = result.value();
                    }
                }
            }
            Instant now = clock.instant();
            if (!now.isBefore(nextProgress)) {
                nextProgress = now.plus(settings.progressInterval());
                BigDecimal best = Double.isNaN(bestValue) ? null : decimal(bestValue);
                jobs.progress(jobId, completedTrials, totalTrials, best);
                events.publish(new AnalysisProgress(
                        UUID.randomUUID(),
                        now,
                        jobId,
                        request.requestId(),
                        request.symbol(),
                        request.strategy(),
                        completedTrials,
                        totalTrials,
                        best));
            }
        }

        private TrialResult best(List<TrialResult> trials) {
            Optional<TrialResult> best =
                    trials.stream().filter(TrialResult::feasible).max(Comparator.comparingDouble(TrialResult::value));
            if (best.isPresent()) {
                return best.get();
            }
            if (trials.stream().allMatch(TrialResult::invalidParameters)) {
                throw new StudyFailure(
                        "INVALID_PARAMETERS",
                        "No parameter set of the request can run: "
                                + trials.getFirst().rejection() + ". Change the parameter values.");
            }
            throw new StudyFailure("NO_TRIAL_MET_CONSTRAINTS", noneFeasible(trials));
        }

        private String noneFeasible(List<TrialResult> trials) {
            Map<String, Long> byReason = trials.stream()
                    .filter(t -> t.rejection() != null)
                    .collect(Collectors.groupingBy(
                            t -> Objects.requireNonNull(t.rejection()).kind().counted(), Collectors.counting()));
            TrialResult example = trials.getFirst();
            return "None of the " + trials.size() + " parameter sets tried met the constraints ("
                    + byReason.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", "))
                    + "); for example " + example.parameters() + " " + example.rejection()
                    + ". Widen the period, loosen constraints.minTrades or constraints.maxDrawdown, or search other"
                    + " parameters.";
        }

        private WalkForwardResult walkForward(
                StudySpec spec,
                Search search,
                SearchSpace space,
                int budget,
                long seed,
                List<FoldWindow> folds,
                Bars bars,
                TrialRunner local,
                TrialResult overallBest) {
            List<WalkForwardResult.Fold> results = new ArrayList<>();
            double[] inSample = new double[folds.size()];
            double[] outOfSample = new double[folds.size()];
            for (int f = 0; f < folds.size(); f++) {
                FoldWindow fold = folds.get(f);
                Window in = new Window(fold.inSampleFrom(), fold.inSampleTo());
                Window out = new Window(fold.outOfSampleFrom(), fold.outOfSampleTo());
                List<TrialResult> trials = new ArrayList<>();
                search.run(space, budget, seed + f + 1, evaluator("fold" + f, in, false, local, trials));
                // A fold whose in-sample period has no feasible trial keeps the whole period's best parameters, so
                // that every fold still says how they did out of sample.
                ParameterSet chosen = trials.stream()
                        .filter(TrialResult::feasible)
                        .max(Comparator.comparingDouble(TrialResult::value))
                        .map(TrialResult::parameters)
                        .orElse(overallBest.parameters());
                inSample[f] = finite(local.backtest(in, chosen).value(spec.objective()));
                outOfSample[f] = finite(local.backtest(out, chosen).value(spec.objective()));
                long[] times = bars.openTimes();
                results.add(new WalkForwardResult.Fold(
                        Instant.ofEpochMilli(times[in.from()]),
                        Instant.ofEpochMilli(times[in.to() - 1] + bars.intervalMillis()),
                        Instant.ofEpochMilli(times[out.from()]),
                        Instant.ofEpochMilli(times[out.to() - 1] + bars.intervalMillis()),
                        decimals(chosen),
                        decimal(inSample[f]),
                        decimal(outOfSample[f])));
            }
            OptionalDouble efficiency = WalkForwardPlan.efficiency(inSample, outOfSample);
            return new WalkForwardResult(results, efficiency.isPresent() ? decimal(efficiency.getAsDouble()) : null);
        }

        private Optional<BigDecimal> deflatedSharpe(List<TrialResult> trials, double[] returns, int bars) {
            double[] sharpes = trials.stream()
                    .mapToDouble(TrialResult::sharpe)
                    .filter(Double::isFinite)
                    .toArray();
            if (sharpes.length == 0 || bars < 3) {
                return Optional.empty();
            }
            OptionalDouble value = DeflatedSharpe.of(ReturnMoments.of(returns, 0, bars), sharpes);
            return value.isPresent() && Double.isFinite(value.getAsDouble())
                    ? Optional.of(decimal(value.getAsDouble()))
                    : Optional.empty();
        }

        private Optional<Pbo.Estimate> pbo(List<TrialResult> trials) {
            return Pbo.estimate(trials.stream()
                    .filter(TrialResult::feasible)
                    .map(TrialResult::blocks)
                    .filter(Objects::nonNull)
                    .toList());
        }
    }

    // The equity curve has a point before the first bar (1.0) and one at each bar's close.
    private static long[] equityTimes(Bars bars) {
        long[] opens = bars.openTimes();
        long[] times = new long[opens.length + 1];
        times[0] = opens[0];
        for (int i = 0; i < opens.length; i++) {
            times[i + 1] = opens[i] + bars.intervalMillis();
        }
        return times;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(value, SIGNIFICANT).stripTrailingZeros();
    }

    private static SortedMap<String, BigDecimal> decimals(ParameterSet parameters) {
        return parameters.values().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> BigDecimal.valueOf(e.getValue()).stripTrailingZeros(),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
