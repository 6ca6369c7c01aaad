package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.OptimizationData;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * CMA-ES (Hipparchus's {@link CMAESOptimizer}) over the unit cube of the space, starting at its centre with a step
 * size of {@value #SIGMA} in every coordinate and {@link #populationSize(int) max(8, 4 + 3 ln d)} points per
 * generation (the textbook {@code 4 + 3 ln d}, but at least 8, because backtest objectives are rugged and a larger
 * population searches more globally). A point is evaluated as the parameter set it {@linkplain SearchSpace#at maps
 * to}, so the nearest grid value or whole number.
 *
 * <p>Hipparchus asks for one point's value at a time, yet the points of a generation depend only on the generations
 * before it, never on each other's values. So the search has a whole generation evaluated as one batch: it runs the
 * optimizer, answers from the trials already made, and when a generation holds new points it collects them all
 * (answering with a placeholder no decision depends on), stops the optimizer at the generation's end, has the batch
 * evaluated, and runs the optimizer again from the start with the same seed, which retraces the same points up to
 * that generation and then goes on. The first batch is the centre with the first generation. Retracing costs CPU that
 * grows with the square of the generations, so only the first {@value #BATCHED_GENERATIONS} generations are batched
 * (retracing them costs a few tenths of a second of CPU in 2 to 8 dimensions, measured on a loaded 2-core machine);
 * the last run goes on from there and has each new point evaluated on its own, as a batch of one. Either way the optimizer proposes the same points in the same order, so the
 * trials do not depend on how they were batched.
 *
 * <p>The run ends when the optimizer converges, when the budget is spent, or when the optimizer has proposed {@value
 * TrialLog#PROPOSALS_PER_TRIAL} times the budget points, which happens once it circles among sets it has tried.
 */
final class CmaEsSearch implements Search {

    /** The initial step size in each coordinate of the unit cube. */
    static final double SIGMA = 0.3;

    /** How many generations are evaluated as whole batches before the rest go one point at a time. */
    static final int BATCHED_GENERATIONS = 48;

    /** The value the optimizer minimises for an infeasible set: worse than any objective value. */
    private static final double INFEASIBLE = 1e12;

    /**
     * Objective values are clamped to this magnitude so that an infinite one cannot turn Hipparchus's penalty scaling
     * into NaN; no real objective comes near it.
     */
    private static final double LARGEST = 1e11;

    @Override
    public SearchOutcome run(SearchSpace space, int budget, long seed, TrialEvaluator evaluator) {
        TrialLog log = new TrialLog(space, budget, evaluator);
        if (space.dimensions() == 0) {
            log.evaluate(List.of(space.at(new double[0])));
            return log.outcome();
        }
        boolean goesOn = true;
        for (int run = 0; goesOn && !log.done(); run++) {
            Retrace retrace = new Retrace(space, log, populationSize(space.dimensions()), run >= BATCHED_GENERATIONS);
            try {
                optimizer(seed, log.maxProposals()).optimize(optimizationData(space.dimensions(), retrace::value));
                goesOn = false; // converged
            } catch (GenerationCollected collected) {
                goesOn = true;
            } catch (RunEnds ends) {
                goesOn = false;
            }
            log.evaluate(retrace.pending);
        }
        return log.outcome();
    }

    /** The number of points per generation in {@code dimensions} dimensions. */
    static int populationSize(int dimensions) {
        return Math.max(8, 4 + (int) Math.floor(3 * Math.log(dimensions)));
    }

    /** A new optimizer, seeded; run to retrace the same points, it must be new each time. */
    static CMAESOptimizer optimizer(long seed, long maxProposals) {
        int maxGenerations = (int) Math.min(Integer.MAX_VALUE, maxProposals);
        // Stop fitness 0 (off), active covariance update, full covariance from the start, no resampling of points
        // outside the bounds (they are clamped instead, which keeps a generation's points independent of values).
        return new CMAESOptimizer(maxGenerations, 0, true, 0, 0, new Well19937c(seed), false, null);
    }

    /** What {@code optimizer} is given to search the unit cube of {@code dimensions} for a minimum of {@code f}. */
    static OptimizationData[] optimizationData(int dimensions, MultivariateFunction objective) {
        double[] centre = new double[dimensions];
        Arrays.fill(centre, 0.5);
        double[] sigma = new double[dimensions];
        Arrays.fill(sigma, SIGMA);
        return new OptimizationData[] {
            MaxEval.unlimited(),
            new ObjectiveFunction(objective),
            GoalType.MINIMIZE,
            new InitialGuess(centre),
            new SimpleBounds(new double[dimensions], filled(dimensions, 1.0)),
            new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(populationSize(dimensions))
        };
    }

    /** What the optimizer minimises for an objective value: its negative, and the worst for NaN. */
    static double minimised(double value) {
        return Double.isNaN(value) ? INFEASIBLE : Math.clamp(-value, -LARGEST, LARGEST);
    }

    private static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }

    /**
     * The objective of one optimizer run: values from the log, and either the collection of the first generation that
     * holds new points or, in the last run, the evaluation of each new point as it comes. Hipparchus evaluates the
     * initial guess, then {@code lambda} points per generation; the guess is counted with the first generation, since
     * its value decides nothing before the first generation is sampled.
     */
    private static final class Retrace {

        private final SearchSpace space;
        private final TrialLog log;
        private final int lambda;
        private final boolean oneAtATime;
        private final List<ParameterSet> pending = new ArrayList<>();
        private long calls;
        private long generationEnd = -1;

        Retrace(SearchSpace space, TrialLog log, int lambda, boolean oneAtATime) {
            this.space = space;
            this.log = log;
            this.lambda = lambda;
            this.oneAtATime = oneAtATime;
        }

        double value(double[] point) {
            calls++;
            if (calls > log.maxProposals()) {
                throw new RunEnds();
            }
            ParameterSet set = space.at(point);
            Double known = log.value(set);
            if (known == null && oneAtATime) {
                log.evaluate(List.of(set));
                known = log.value(set);
                if (known == null) {
                    throw new RunEnds(); // the budget is spent
                }
            }
            if (known == null) {
                if (generationEnd < 0) {
                    generationEnd = 1 + lambda * Math.max(1, Math.ceilDiv(calls - 1, lambda));
                }
                if (!pending.contains(set)) {
                    pending.add(set);
                }
            }
            if (calls == generationEnd) {
                throw new GenerationCollected();
            }
            return known == null ? 0 : minimised(known);
        }
    }

    /** Stops the optimizer at the end of a generation with new points. */
    private static final class GenerationCollected extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        GenerationCollected() {
            super(null, null, false, false);
        }
    }

    /** Stops the optimizer once it has proposed as many points as a run may, or the budget is spent. */
    private static final class RunEnds extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        RunEnds() {
            super(null, null, false, false);
        }
    }
}
