package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.Strategy;
import java.util.List;
import java.util.Optional;

/** Every strategy a request can name. A new strategy is one class and one line here. */
public final class Strategies {

    private static final List<Strategy> ALL = List.of(
            new SmaCrossover(), new EmaCrossover(), new RsiReversion(), new MacdCross(), new BollingerBreakout());

    private Strategies() {}

    /** The strategy requests call {@code name}, if there is one. */
    public static Optional<Strategy> byName(String name) {
        return ALL.stream().filter(strategy -> strategy.name().equals(name)).findFirst();
    }

    /** All strategies, in a fixed order. */
    public static List<Strategy> all() {
        return ALL;
    }
}
