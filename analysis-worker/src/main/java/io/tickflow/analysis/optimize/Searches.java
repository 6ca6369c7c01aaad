package io.tickflow.analysis.optimize;

import io.tickflow.common.contract.analysis.Optimizer;

/** The search for each method a request can name. */
public final class Searches {

    private Searches() {}

    /** The search {@code method} names. */
    public static Search of(Optimizer.Method method) {
        return switch (method) {
            case GRID -> new GridSearch();
            case RANDOM -> new RandomSearch();
            case CMAES -> new CmaEsSearch();
            case GENETIC -> new GeneticSearch();
        };
    }
}
