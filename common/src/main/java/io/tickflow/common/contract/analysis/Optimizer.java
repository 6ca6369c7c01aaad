package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How an analysis searches the parameter space. Every field is optional in a request.
 *
 * @param method the search method; {@link Method#GRID} by default
 * @param trials the budget: at most this many parameter sets are backtested; {@value #DEFAULT_TRIALS} by default
 * @param seed the random seed of the {@code random}, {@code cmaes} and {@code genetic} methods, so that a study can be
 *     repeated exactly; an {@link AnalysisRequest} without one uses a seed derived from its request id
 */
public record Optimizer(Method method, Integer trials, @Nullable Long seed) {

    /** The trial budget when a request gives none. */
    public static final int DEFAULT_TRIALS = 100;

    /**
     * Fills in defaults for what is absent.
     *
     * @param method the search method, or {@code null} for {@link Method#GRID}
     * @param trials the budget, or {@code null} for {@value #DEFAULT_TRIALS}
     * @param seed the random seed, or {@code null} to let the request derive one
     */
    public Optimizer(@Nullable Method method, @Nullable Integer trials, @Nullable Long seed) {
        this.method = method == null ? Method.GRID : method;
        this.trials = trials == null ? DEFAULT_TRIALS : trials;
        this.seed = seed;
        if (this.trials < 1) {
            throw new IllegalArgumentException("An optimizer tries at least one parameter set: " + trials);
        }
    }

    /** All defaults, with no seed. */
    public static Optimizer defaults() {
        return new Optimizer(null, null, null);
    }

    /** This optimizer with the given seed. */
    public Optimizer withSeed(long seed) {
        return new Optimizer(method, trials, seed);
    }

    /** How the parameter space is searched. */
    public enum Method {
        /** Every combination of the parameters' grids (ranges need a step). */
        GRID("grid"),
        /** Uniform random samples. */
        RANDOM("random"),
        /** Covariance matrix adaptation evolution strategy. */
        CMAES("cmaes"),
        /** A genetic algorithm. */
        GENETIC("genetic");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in JSON. */
        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
