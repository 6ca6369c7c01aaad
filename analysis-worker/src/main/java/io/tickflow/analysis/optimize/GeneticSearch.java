package io.tickflow.analysis.optimize;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.EliteSelector;
import io.jenetics.GaussianMutator;
import io.jenetics.Genotype;
import io.jenetics.IntermediateCrossover;
import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import io.tickflow.analysis.engine.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.jspecify.annotations.Nullable;

/**
 * A genetic algorithm (Jenetics) over the unit cube of the space: one gene in [0, 1) per varying dimension, a
 * population of {@link #populationSize(int) min(50, budget / 4)} (at least 4, so a small budget still sees a few
 * generations), the best individual always surviving, intermediate crossover and Gaussian mutation, which suit real
 * genes. A gene vector is evaluated as the parameter set it {@linkplain SearchSpace#at maps to}.
 *
 * <p>Each generation's new individuals go to the evaluator as one batch. Jenetics runs on the calling thread with a
 * generator seeded from the run's seed, so a seed gives the same generations. The run ends once the budget is spent
 * (individuals of the last generation beyond it count as the worst and are not trials), or, checked between
 * generations, once it has proposed {@value TrialLog#PROPOSALS_PER_TRIAL} times the budget individuals, which happens
 * when the population has converged on sets it has tried.
 */
final class GeneticSearch implements Search {

    // A generator whose algorithm the JDK specifies, so a seed gives the same draws on every JDK.
    private static final String ALGORITHM = "L64X256MixRandom";

    @Override
    public SearchOutcome run(SearchSpace space, int budget, long seed, TrialEvaluator evaluator) {
        TrialLog log = new TrialLog(space, budget, evaluator);
        if (space.dimensions() == 0) {
            log.evaluate(List.of(space.at(new double[0])));
            return log.outcome();
        }
        Generations generations = new Generations(space, log);
        Engine<DoubleGene, Double> engine = new Engine.Builder<>(
                        generations, Genotype.of(DoubleChromosome.of(0, 1, space.dimensions())))
                .maximizing()
                .populationSize(populationSize(budget))
                .survivorsSelector(new EliteSelector<>())
                .alterers(new IntermediateCrossover<>(0.5), new GaussianMutator<>(0.2))
                .executor(Runnable::run)
                .build();
        RandomRegistry.using(RandomGeneratorFactory.of(ALGORITHM).create(seed), random -> engine.stream()
                .limit(result -> !log.done() && generations.proposals < log.maxProposals())
                .forEach(result -> {}));
        return log.outcome();
    }

    /** The population size for {@code budget} trials. */
    static int populationSize(int budget) {
        return Math.max(4, Math.min(50, budget / 4));
    }

    /** Evaluates the individuals of a generation that have no fitness yet, as one batch. */
    private static final class Generations implements Evaluator<DoubleGene, Double> {

        private final SearchSpace space;
        private final TrialLog log;
        private long proposals;

        Generations(SearchSpace space, TrialLog log) {
            this.space = space;
            this.log = log;
        }

        @Override
        public ISeq<Phenotype<DoubleGene, Double>> eval(Seq<Phenotype<DoubleGene, Double>> population) {
            List<ParameterSet> fresh = new ArrayList<>();
            for (Phenotype<DoubleGene, Double> individual : population) {
                if (individual.nonEvaluated()) {
                    proposals++;
                    fresh.add(parameters(individual));
                }
            }
            log.evaluate(fresh);
            return population
                    .map(individual -> individual.isEvaluated()
                            ? individual
                            : individual.withFitness(fitness(log.value(parameters(individual)))))
                    .asISeq();
        }

        private ParameterSet parameters(Phenotype<DoubleGene, Double> individual) {
            return space.at(individual.genotype().chromosome().stream()
                    .mapToDouble(DoubleGene::doubleValue)
                    .toArray());
        }

        // Infeasible sets, and sets the budget left untried, rank below every feasible one.
        private static double fitness(@Nullable Double value) {
            return value == null || Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }
    }
}
