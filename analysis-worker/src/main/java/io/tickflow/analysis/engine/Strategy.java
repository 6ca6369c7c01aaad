package io.tickflow.analysis.engine;

import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.List;

/**
 * A trading strategy: from bars and parameter values, the position to hold after each bar. A new strategy is one class
 * implementing this interface, listed in {@code Strategies}; nothing else changes.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every backtest of every study at once.
 */
public interface Strategy {

    /** The name requests use, e.g. {@code sma-crossover}: lower-case words joined by dashes. */
    String name();

    /** What it does, in a sentence for a person. */
    String description();

    /** The parameters it takes, each with its default and bounds. */
    List<Parameter> parameters();

    /**
     * Checks values that each lie within their {@link Parameter}'s bounds against each other, e.g. that a fast
     * average is shorter than a slow one.
     *
     * @throws InvalidParametersException saying which values cannot go together and why
     */
    default void check(ParameterSet parameters) {}

    /**
     * Writes into {@code targets[i]}, for every bar {@code i}, the position decided at bar {@code i}'s close and held
     * over the next bar: {@code 1} long, {@code -1} short, {@code 0} flat. Before the strategy has enough bars to
     * decide it writes {@code 0}. Where it would go short but {@code direction} is long-only, it writes {@code 0}.
     *
     * @param indicators the bars, with indicators computed once and shared by every backtest over them
     * @param parameters values that passed {@link #check}
     * @param targets as long as the bars
     */
    void positions(Indicators indicators, ParameterSet parameters, Direction direction, byte[] targets);
}
