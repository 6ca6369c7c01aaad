package io.tickflow.bench.analysis;

import io.tickflow.analysis.backtest.BacktestSettings;
import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.strategy.Strategies;
import io.tickflow.bench.Host;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.WalkForward;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the engine's work of a study over 1,000,000 bars fits in a 512 MB heap: run it with {@code java -Xmx512m},
 * and it does that work in this JVM, watching the heap ({@link HeapWatch}), and writes what it saw as Markdown to
 * {@code bench/reports/analysis-heap.md} (or the file named by {@code --report FILE}).
 *
 * <p>The work, as {@code io.tickflow.analysis.study} does it but without its orchestration (which needs AWS):
 * 1,000,000 one-minute bars ({@link RandomWalk}) and one {@link Indicators} cache over them with its default budget;
 * a 10 × 10 {@code sma-crossover} grid over all the bars, each trial keeping its Sharpe ratio and its per-block sums
 * and sums of squares of bar returns ({@value #BLOCKS} blocks, for the probability of overfitting); the best trial
 * again with its bar returns, equity curve and buy-and-hold curve; and {@value #FOLDS} rolling walk-forward folds
 * (70% in sample), each running the grid again on its in-sample window and the in-sample best on the rest.
 */
public final class StudyHeap {

    static final int BARS = 1_000_000;
    static final int BLOCKS = 16;
    static final int FOLDS = WalkForward.DEFAULT_FOLDS;
    static final double IN_SAMPLE = WalkForward.DEFAULT_IN_SAMPLE_FRACTION.doubleValue();
    static final long TARGET_HEAP_BYTES = 512L << 20;

    /** Fast periods 5 to 50 and slow periods 60 to 240: 20 averages, more than the 16 the cache keeps at once. */
    static final int[] FAST = {5, 10, 15, 20, 25, 30, 35, 40, 45, 50};

    static final int[] SLOW = {60, 80, 100, 120, 140, 160, 180, 200, 220, 240};

    private static final Strategy STRATEGY = Strategies.byName("sma-crossover").orElseThrow();
    private static final BacktestSettings SETTINGS = BacktestSettings.of(Costs.defaults());

    private StudyHeap() {}

    /** One trial of the full grid, as a study keeps it. */
    record Trial(ParameterSet parameters, double sharpe, int trades, double[] blockSums, double[] blockSquares) {}

    /** One phase of the run: how long it took and the live heap after it. */
    record Phase(String name, Duration took, long liveAfter) {}

    public static void main(String[] args) throws IOException {
        Path reportFile = Path.of("bench/reports/analysis-heap.md");
        if (args.length == 2 && args[0].equals("--report")) {
            reportFile = Path.of(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("Usage: StudyHeap [--report FILE]");
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Host.loadAverage();
        String code = BacktestBenchmarkReport.codeState();
        HeapWatch watch = HeapWatch.start();
        List<Phase> phases = new ArrayList<>();

        long at = System.nanoTime();
        Bars bars = RandomWalk.bars(BARS);
        Indicators indicators = Indicators.of(bars);
        byte[] targets = new byte[BARS];
        double[] barReturns = new double[BARS];
        at = phase(phases, "bars (1,000,000) and the indicator cache", at);

        List<Trial> trials = new ArrayList<>();
        for (ParameterSet pair : grid()) {
            Metrics metrics = backtest(indicators, pair, targets, 0, BARS, barReturns);
            double[] sums = new double[BLOCKS];
            double[] squares = new double[BLOCKS];
            blockMoments(barReturns, 0, BARS, sums, squares);
            trials.add(new Trial(pair, metrics.sharpe(), metrics.trades(), sums, squares));
        }
        at = phase(phases, "full grid: 100 backtests over 1,000,000 bars, block sums kept", at);

        Trial best = trials.stream()
                .filter(t -> t.trades() > 0 && Double.isFinite(t.sharpe()))
                .max(Comparator.comparingDouble(Trial::sharpe))
                .orElseThrow();
        Metrics bestMetrics = backtest(indicators, best.parameters(), targets, 0, BARS, barReturns);
        double[] returns = barReturns.clone();
        double[] equity = Backtester.equityCurve(returns, 0, BARS);
        double[] buyAndHold = Backtester.buyAndHold(bars, 0, BARS);
        at = phase(phases, "the best again: bar returns, equity and buy-and-hold curves", at);

        List<String> folds = new ArrayList<>();
        int foldBars = BARS / FOLDS;
        for (int f = 0; f < FOLDS; f++) {
            int from = f * foldBars;
            int to = f == FOLDS - 1 ? BARS : from + foldBars;
            int split = from + (int) Math.round((to - from) * IN_SAMPLE);
            ParameterSet chosen = null;
            double chosenSharpe = Double.NEGATIVE_INFINITY;
            for (ParameterSet pair : grid()) {
                Metrics inSample = backtest(indicators, pair, targets, from, split, barReturns);
                if (inSample.trades() > 0 && inSample.sharpe() > chosenSharpe) {
                    chosen = pair;
                    chosenSharpe = inSample.sharpe();
                }
            }
            if (chosen == null) {
                throw new IllegalStateException("No pair traded in fold " + f);
            }
            Metrics outOfSample = backtest(indicators, chosen, targets, split, to, barReturns);
            folds.add(String.format(
                    Locale.ROOT,
                    "| %d | [%,d, %,d) | [%,d, %,d) | %s | %.3f | %.3f |",
                    f + 1,
                    from,
                    split,
                    split,
                    to,
                    chosen,
                    chosenSharpe,
                    outOfSample.sharpe()));
        }
        phase(phases, "walk-forward: 5 folds × (100 in-sample backtests + 1 out of sample)", at);

        // Everything the study would report is still referenced here, so the live heap above counted it.
        long kept = equity.length + buyAndHold.length + returns.length + trials.size() * 2L * BLOCKS;
        String report = new Report(
                        watch,
                        phases,
                        best,
                        bestMetrics,
                        folds,
                        kept,
                        indicators,
                        code,
                        loadAtStart,
                        Host.loadAverage())
                .write(started);
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        System.out.printf(
                Locale.ROOT,
                "Peak heap used %s MB (before a collection), peak live %s MB, max heap %s MB; wrote %s%n",
                mb(watch.peakUsed()),
                mb(watch.peakLive()),
                mb(Runtime.getRuntime().maxMemory()),
                reportFile.toAbsolutePath());
    }

    static List<ParameterSet> grid() {
        List<ParameterSet> grid = new ArrayList<>();
        for (int fast : FAST) {
            for (int slow : SLOW) {
                grid.add(ParameterSet.of(Map.of("fast", (double) fast, "slow", (double) slow)));
            }
        }
        return grid;
    }

    private static Metrics backtest(
            Indicators indicators, ParameterSet pair, byte[] targets, int from, int to, double[] barReturns) {
        STRATEGY.check(pair);
        STRATEGY.positions(indicators, pair, Direction.LONG_ONLY, targets);
        return Backtester.run(indicators.bars(), targets, SETTINGS, from, to, barReturns);
    }

    // Equal blocks of the window, the last taking the remainder, as the study's trial runner cuts them.
    private static void blockMoments(double[] barReturns, int from, int to, double[] sums, double[] squares) {
        int size = (to - from) / sums.length;
        for (int b = 0; b < sums.length; b++) {
            int start = from + b * size;
            int end = b == sums.length - 1 ? to : start + size;
            double sum = 0;
            double square = 0;
            for (int i = start; i < end; i++) {
                sum += barReturns[i];
                square += barReturns[i] * barReturns[i];
            }
            sums[b] = sum;
            squares[b] = square;
        }
    }

    private static long phase(List<Phase> phases, String name, long startedNanos) {
        long now = System.nanoTime();
        phases.add(new Phase(name, Duration.ofNanos(now - startedNanos), HeapWatch.liveNow()));
        // The full collection of liveNow is not the phase's work: the next phase starts after it.
        return System.nanoTime();
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    /** The Markdown of one run. */
    private record Report(
            HeapWatch watch,
            List<Phase> phases,
            Trial best,
            Metrics bestMetrics,
            List<String> folds,
            long keptDoubles,
            Indicators indicators,
            String code,
            String loadAtStart,
            String loadAtEnd) {

        String write(Instant started) {
            long maxHeap = Runtime.getRuntime().maxMemory();
            long peakUsed = watch.peakUsed();
            boolean at512 = maxHeap <= TARGET_HEAP_BYTES;
            StringBuilder md = new StringBuilder();
            md.append("# analysis-worker: a study's engine work over 1,000,000 bars in a 512 MB heap\n\n")
                    .append("Target from issue 5: **a study over 1,000,000 bars runs with heap ≤ 512 MB**.\n\n")
                    .append("Written by `io.tickflow.bench.analysis.StudyHeap` (run ")
                    .append(started)
                    .append("); the command below writes it again.\n\n")
                    .append("## Verdict\n\n| target | measured | |\n| --- | --- | --- |\n")
                    .append("| heap ≤ 512 MB | ran to the end with a maximum heap of ")
                    .append(mb(maxHeap))
                    .append(" MB; **peak heap used ")
                    .append(mb(peakUsed))
                    .append(" MB**, peak live after a collection ")
                    .append(mb(watch.peakLive()))
                    .append(" MB | ")
                    .append(
                            at512 && peakUsed <= TARGET_HEAP_BYTES
                                    ? "**met**"
                                    : at512
                                            ? "**missed**"
                                            : "not shown: this run's maximum heap is above 512 MB; run it with"
                                                    + " `-Xmx512m`")
                    .append(" |\n\n")
                    .append("- **peak heap used** is the most the heap held just before any collection of the run")
                    .append(" (from the collectors' notifications), garbage included: with a 512 MB limit the")
                    .append(" collector lets garbage build up towards it, so this says more about G1 than about")
                    .append(" the study. **Peak live** is the most still held just after a collection, which is")
                    .append(" what the study needs.\n\n");
            md.append("## What is measured\n\n")
                    .append("The engine's work of one study, in this JVM, as `io.tickflow.analysis.study` does it")
                    .append(" (that package's orchestration needs AWS, so it is not run; its `TrialRunner` is copied")
                    .append(" in spirit: positions over all the bars, `Backtester.run` over the window into one")
                    .append(" reused `double[]` of bar returns, then 16 block sums):\n\n")
                    .append("1. **bars**: 1,000,000 one-minute bars of the benchmarks' random walk (`RandomWalk`:")
                    .append(" seed 20131125, no drift, 0.2% per bar), in `Bars` (6 primitive columns, 48 MB) and an")
                    .append(" `Indicators` cache with its default budget of 128 MB (")
                    .append(Indicators.DEFAULT_BUDGET_BYTES / ((long) BARS * Double.BYTES))
                    .append(" series of 1,000,000 doubles);\n")
                    .append("2. **full grid**: `sma-crossover`, fast 5, 10, ..., 50 × slow 60, 80, ..., 240 = 100")
                    .append(" backtests over all the bars, long only, default costs; each trial keeps its Sharpe")
                    .append(" ratio, trades and 16 block sums and sums of squares. The 20 averages are more than")
                    .append(" the cache keeps, so it evicts and recomputes as a long study does;\n")
                    .append("3. **the best** trial by Sharpe ratio again, its bar returns copied, its equity curve")
                    .append(" and the buy-and-hold curve (1,000,001 doubles each), as the report needs them;\n")
                    .append("4. **walk-forward**: 5 rolling folds of 200,000 bars, 70% in sample; per fold the grid")
                    .append(" again over the in-sample window (100 backtests), the best of it over the rest.\n\n")
                    .append("Everything the study would keep (the trials, the curves) stays referenced to the end.")
                    .append(" Not counted: the worker's Spring context, SQS listeners and JSON of the report, which")
                    .append(" are the service's, not the study's (`-Xmx512m` applies to the whole worker in")
                    .append(" production).\n\n");
            md.append("## Command\n\nFrom the repository root, with JDK 25, after building")
                    .append(" `bench/target/benchmarks.jar` (see `analysis-backtest.md`):\n\n```\n")
                    .append("java -Xmx512m -cp bench/target/benchmarks.jar ")
                    .append(StudyHeap.class.getName())
                    .append("\n```\n\nJVM arguments of this run: `")
                    .append(String.join(
                            " ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
                    .append("`.\n\nCode measured (git at the start of the run): ")
                    .append(code)
                    .append("\n\n## Machine\n\n")
                    .append(Host.machine())
                    .append("- load average (1, 5, 15 min; running/total; last pid): at start `")
                    .append(loadAtStart)
                    .append("`, at the end `")
                    .append(loadAtEnd)
                    .append("`\n\n");
            md.append("## Heap by phase\n\n| phase | took | live heap after it (after `System.gc()`) |\n")
                    .append("| --- | ---: | ---: |\n");
            for (Phase phase : phases) {
                md.append("| ")
                        .append(phase.name())
                        .append(" | ")
                        .append(String.format(
                                Locale.ROOT, "%.1f s", phase.took().toMillis() / 1000.0))
                        .append(" | ")
                        .append(mb(phase.liveAfter()))
                        .append(" MB |\n");
            }
            md.append("\nHeap pools' own peaks (each pool peaks at its own time; their sum, ")
                    .append(mb(HeapWatch.heapPools().stream()
                            .mapToLong(pool -> pool.getPeakUsage().getUsed())
                            .sum()))
                    .append(
                            " MB, is an upper bound of the peak):\n\n| pool | peak used | max |\n| --- | ---: | ---: |\n");
            for (MemoryPoolMXBean pool : HeapWatch.heapPools()) {
                md.append("| ")
                        .append(pool.getName())
                        .append(" | ")
                        .append(mb(pool.getPeakUsage().getUsed()))
                        .append(" MB | ")
                        .append(
                                pool.getPeakUsage().getMax() < 0
                                        ? "none"
                                        : mb(pool.getPeakUsage().getMax()) + " MB")
                        .append(" |\n");
            }
            md.append("\nCollections (")
                    .append(watch.collections())
                    .append(" seen by the listener):\n\n| collector | collections | time |\n| --- | ---: | ---: |\n");
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                md.append("| ")
                        .append(collector.getName())
                        .append(" | ")
                        .append(collector.getCollectionCount())
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f s", collector.getCollectionTime() / 1000.0))
                        .append(" |\n");
            }
            md.append("\n## What the study found (a random walk: nothing to find)\n\n")
                    .append("Best of the full grid: ")
                    .append(best.parameters())
                    .append(String.format(
                            Locale.ROOT,
                            ", Sharpe %.3f, %,d trades, total return %.1f%%.%n%n",
                            bestMetrics.sharpe(),
                            bestMetrics.trades(),
                            bestMetrics.totalReturn() * 100))
                    .append("| fold | in sample | out of sample | chosen | Sharpe in sample | Sharpe out of sample |\n")
                    .append("| ---: | --- | --- | --- | ---: | ---: |\n");
            folds.forEach(line -> md.append(line).append('\n'));
            md.append("\nKept to the end: ")
                    .append(String.format(Locale.ROOT, "%,d", keptDoubles))
                    .append(" doubles of curves and block sums (")
                    .append(mb(keptDoubles * Double.BYTES))
                    .append(" MB) besides the bars and the indicator cache over ")
                    .append(String.format(Locale.ROOT, "%,d", indicators.bars().size()))
                    .append(" bars.\n");
            return md.toString();
        }
    }
}
