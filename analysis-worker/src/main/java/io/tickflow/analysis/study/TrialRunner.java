package io.tickflow.analysis.study;

import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.InvalidParametersException;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.overfitting.ReturnBlocks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Backtests parameter sets of one study over a window of its bars and judges each against the study's constraints.
 * The trial worker runs it on each batch it takes; the coordinating worker runs it on batches too small to be worth a
 * round trip through the queue. Not thread-safe (it reuses its buffers); one per thread.
 */
final class TrialRunner {

    private final StudySpec spec;
    private final Indicators indicators;
    private final byte[] targets;
    private final double[] barReturns;

    TrialRunner(StudySpec spec, Indicators indicators) {
        this.spec = spec;
        this.indicators = indicators;
        this.targets = new byte[indicators.bars().size()];
        this.barReturns = new double[indicators.bars().size()];
    }

    /**
     * Backtests each set over {@code window}.
     *
     * @param withBlocks whether to keep the per-block return sums the probability of backtest overfitting needs
     */
    List<TrialResult> run(Window window, List<ParameterSet> sets, boolean withBlocks) {
        List<TrialResult> results = new ArrayList<>(sets.size());
        for (ParameterSet parameters : sets) {
            results.add(run(window, parameters, withBlocks));
        }
        return results;
    }

    /** The metrics of {@code parameters} over {@code window}, with the bar returns left in {@link #barReturns()}. */
    Metrics backtest(Window window, ParameterSet parameters) {
        spec.strategy().check(parameters);
        spec.strategy().positions(indicators, parameters, spec.direction(), targets);
        return Backtester.run(
                indicators.bars(), targets, spec.settingsFor(parameters), window.from(), window.to(), barReturns);
    }

    /** The net return of each bar of the last {@link #backtest}'s window. Read only; overwritten by the next run. */
    double[] barReturns() {
        return barReturns;
    }

    private TrialResult run(Window window, ParameterSet parameters, boolean withBlocks) {
        Metrics metrics;
        try {
            metrics = backtest(window, parameters);
        } catch (InvalidParametersException invalid) {
            return TrialResult.rejected(
                    parameters,
                    new Rejection(Rejection.Kind.INVALID_PARAMETERS, String.valueOf(invalid.getMessage())),
                    Double.NaN,
                    0);
        }
        double sharpePerBar = metrics.sharpe() / Math.sqrt(indicators.bars().barsPerYear());
        Rejection rejection = rejection(metrics);
        if (rejection != null) {
            return TrialResult.rejected(parameters, rejection, sharpePerBar, metrics.trades());
        }
        // Too short a window for two returns per block has no overfitting estimate.
        ReturnBlocks blocks = withBlocks && window.bars() >= 2 * spec.pboBlocks()
                ? ReturnBlocks.of(barReturns, window.from(), window.to(), spec.pboBlocks())
                : null;
        return new TrialResult(
                parameters, metrics.value(spec.objective()), null, sharpePerBar, metrics.trades(), blocks);
    }

    private @Nullable Rejection rejection(Metrics metrics) {
        int minTrades = spec.constraints().minTrades();
        if (metrics.trades() < minTrades) {
            return new Rejection(
                    Rejection.Kind.TOO_FEW_TRADES,
                    "made " + metrics.trades() + " trades, fewer than the " + minTrades + " the constraints ask for");
        }
        BigDecimal maxDrawdown = spec.constraints().maxDrawdown();
        if (maxDrawdown != null && metrics.maxDrawdown() > maxDrawdown.doubleValue()) {
            return new Rejection(
                    Rejection.Kind.TOO_DEEP_DRAWDOWN,
                    String.format(
                            "drew down %.1f%%, more than the %s%% the constraints allow",
                            metrics.maxDrawdown() * 100,
                            maxDrawdown.movePointRight(2).stripTrailingZeros().toPlainString()));
        }
        if (!Double.isFinite(metrics.value(spec.objective()))) {
            return new Rejection(
                    Rejection.Kind.UNDEFINED_OBJECTIVE,
                    "has no finite " + spec.objective().wireName() + " (its returns do not define one)");
        }
        return null;
    }
}
