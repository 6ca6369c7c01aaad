package io.tickflow.analysis.study;

import io.tickflow.analysis.backtest.BacktestSettings;
import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.overfitting.ReturnBlocks;
import io.tickflow.analysis.strategy.Strategies;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How every backtest of a study is run and judged, taken from its request: the strategy, the direction it may trade,
 * costs and stop loss, the objective and the constraints a result must meet.
 *
 * @param pboBlocks how many blocks the period is cut into for the probability of backtest overfitting
 */
record StudySpec(
        Strategy strategy,
        Direction direction,
        BacktestSettings settings,
        Objective objective,
        Constraints constraints,
        int pboBlocks) {

    /**
     * The stop loss every strategy may be given, as a fraction of the entry price; the backtester applies it, and 0
     * means none.
     */
    static final Parameter STOP_LOSS = Parameter.real(
            "stopLoss", "exit a position whose close moved this fraction against its entry; 0 for none", 0, 0, 0.9);

    /** How many blocks a study's period is cut into for the probability of backtest overfitting. */
    static final int PBO_BLOCKS = ReturnBlocks.DEFAULT_BLOCKS;

    /**
     * The spec of {@code request}.
     *
     * @throws StudyFailure {@code UNKNOWN_STRATEGY} when no strategy has the requested name
     */
    static StudySpec of(AnalysisRequest request) {
        Strategy strategy = Strategies.byName(request.strategy())
                .orElseThrow(() -> new StudyFailure(
                        "UNKNOWN_STRATEGY",
                        "There is no strategy called '" + request.strategy() + "'; choose one of "
                                + Strategies.all().stream().map(Strategy::name).collect(Collectors.joining(", "))
                                + "."));
        return new StudySpec(
                strategy,
                request.direction(),
                BacktestSettings.of(request.costs()),
                request.objective(),
                request.constraints(),
                PBO_BLOCKS);
    }

    /**
     * The parameters a request may search: the strategy's own, and the stop loss when the request asks for it (so
     * that results of requests without one do not list a stop loss of 0).
     */
    List<Parameter> parameters(Map<String, ?> requested) {
        List<Parameter> declared = new ArrayList<>(strategy.parameters());
        if (requested.containsKey(STOP_LOSS.name())) {
            declared.add(STOP_LOSS);
        }
        return declared;
    }

    /** The backtest settings for {@code parameters}, with their stop loss if they have one. */
    BacktestSettings settingsFor(ParameterSet parameters) {
        Double stopLoss = parameters.values().get(STOP_LOSS.name());
        return stopLoss == null || stopLoss == 0 ? settings : settings.withStopLoss(stopLoss);
    }
}
