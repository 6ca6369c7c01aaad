package io.tickflow.analysis.optimize;

import static io.tickflow.analysis.optimize.SearchSpaceTest.continuous;
import static io.tickflow.analysis.optimize.SearchSpaceTest.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.common.contract.analysis.Optimizer.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchesTest {

    private static final List<Parameter> SMA_CROSSOVER = List.of(
            Parameter.integer("fast", "the short average's period", 10, 2, 500),
            Parameter.integer("slow", "the long average's period", 50, 3, 1000));

    private static final List<Parameter> XY =
            List.of(Parameter.real("x", "a coordinate", 0.5, 0, 1), Parameter.real("y", "a coordinate", 0.5, 0, 1));

    /** 10 × 19 = 190 combinations, the optimum at fast 20, slow 120. */
    private static final SearchSpace PERIODS =
            SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(5, 50, 5), "slow", range(20, 200, 10)), 1_000_000);

    private static final SearchSpace PLANE =
            SearchSpace.of(XY, Map.of("x", continuous("0", "1"), "y", continuous("0", "1")), 1_000_000);

    /** A smooth bump at fast 20, slow 120; infeasible where the fast average is not the shorter. */
    private static double bump(ParameterSet set) {
        double fast = set.value("fast");
        double slow = set.value("slow");
        if (fast >= slow) {
            return Double.NaN;
        }
        return -Math.pow((fast - 20) / 10, 2) - Math.pow((slow - 120) / 40, 2);
    }

    /** A peak at x 0.3, y 0.7. */
    private static double peak(ParameterSet set) {
        return -Math.pow(set.value("x") - 0.3, 2) - Math.pow(set.value("y") - 0.7, 2);
    }

    private static SearchOutcome run(
            Method method, SearchSpace space, int budget, long seed, TrialEvaluator evaluator) {
        return Searches.of(method).run(space, budget, seed, evaluator);
    }

    @Test
    void gridTriesEveryCombinationInOrderAndFindsThePlantedOptimum() {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::bump);

        SearchOutcome outcome = run(Method.GRID, PERIODS, 200, 1, evaluator);

        assertThat(outcome.trials())
                .extracting(Trial::parameters)
                .isEqualTo(PERIODS.grid().toList());
        assertThat(outcome.best().orElseThrow().parameters()).isEqualTo(periods(20, 120));
        assertThat(evaluator.batches).hasSize(1);
    }

    @Test
    void gridHandsOverBatchesOfAtMost256() {
        SearchSpace space =
                SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(2, 41, 1), "slow", range(50, 69, 1)), 1_000_000);
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::bump);

        run(Method.GRID, space, 1000, 1, evaluator);

        assertThat(evaluator.batches).extracting(List::size).containsExactly(256, 256, 256, 32);
    }

    @Test
    void gridRefusesAGridLargerThanTheBudget() {
        assertThatThrownBy(() -> run(Method.GRID, PERIODS, 100, 1, new RecordingEvaluator(SearchesTest::bump)))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("The grid has 190 combinations but the budget is 100 trials; raise optimizer.trials or"
                        + " use random search");
    }

    @Test
    void gridRefusesAContinuousRange() {
        assertThatThrownBy(() -> run(Method.GRID, PLANE, 100, 1, new RecordingEvaluator(SearchesTest::peak)))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessageStartingWith("Grid search needs a step for 'x' and 'y'");
    }

    @Test
    void randomTriesTheBudgetOfDistinctSetsOfTheSpace() {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::bump);

        SearchOutcome outcome = run(Method.RANDOM, PERIODS, 150, 3, evaluator);

        Set<ParameterSet> grid = new HashSet<>(PERIODS.grid().toList());
        assertThat(outcome.trials()).hasSize(150);
        assertThat(outcome.trials()).extracting(Trial::parameters).allMatch(grid::contains);
        assertThat(outcome.trials()).extracting(Trial::parameters).doesNotHaveDuplicates();
    }

    @Test
    void randomTriesTheWholeSpaceWhenItIsNoLargerThanTheBudget() {
        SearchOutcome outcome = run(Method.RANDOM, PERIODS, 500, 3, new RecordingEvaluator(SearchesTest::bump));

        assertThat(outcome.trials())
                .extracting(Trial::parameters)
                .isEqualTo(PERIODS.grid().toList());
    }

    @Test
    void randomComesCloseToThePlantedPeak() {
        SearchOutcome outcome = run(Method.RANDOM, PLANE, 300, 5, new RecordingEvaluator(SearchesTest::peak));

        ParameterSet best = outcome.best().orElseThrow().parameters();
        assertThat(best.value("x")).isCloseTo(0.3, within(0.1));
        assertThat(best.value("y")).isCloseTo(0.7, within(0.1));
    }

    @Test
    void cmaesFindsThePlantedPeakOfAContinuousFunction() {
        SearchOutcome outcome = run(Method.CMAES, PLANE, 300, 11, new RecordingEvaluator(SearchesTest::peak));

        ParameterSet best = outcome.best().orElseThrow().parameters();
        assertThat(best.value("x")).isCloseTo(0.3, within(0.005));
        assertThat(best.value("y")).isCloseTo(0.7, within(0.005));
    }

    @Test
    void cmaesFindsThePlantedOptimumOfAGrid() {
        SearchOutcome outcome = run(Method.CMAES, PERIODS, 100, 11, new RecordingEvaluator(SearchesTest::bump));

        assertThat(outcome.best().orElseThrow().parameters()).isEqualTo(periods(20, 120));
    }

    @Test
    void cmaesHasEachGenerationEvaluatedAsOneBatchThenPointsOneAtATime() {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::peak);
        int lambda = CmaEsSearch.populationSize(2);
        int batched = CmaEsSearch.BATCHED_GENERATIONS;

        run(Method.CMAES, PLANE, 1 + batched * lambda + 20, 11, evaluator);

        // The start point goes with the first generation; points of a continuous space hardly ever repeat.
        List<Integer> sizes = evaluator.batches.stream().map(List::size).toList();
        assertThat(sizes).hasSize(batched + 20);
        assertThat(sizes.getFirst()).isEqualTo(1 + lambda);
        assertThat(sizes.subList(1, batched)).containsOnly(lambda);
        assertThat(sizes.subList(batched, sizes.size())).containsOnly(1);
    }

    @Test
    void cmaesBatchesTryTheSameSetsAsAPlainRunOfTheOptimizer() {
        // Past the batched generations, so both ways of evaluating are compared.
        int budget = 1 + CmaEsSearch.BATCHED_GENERATIONS * CmaEsSearch.populationSize(2) + 50;
        List<ParameterSet> plainOnPlane = plainCmaEs(PLANE, SearchesTest::peak, budget, 17);
        List<ParameterSet> plainOnGrid = plainCmaEs(PERIODS, SearchesTest::bump, 200, 17);

        SearchOutcome onPlane = run(Method.CMAES, PLANE, budget, 17, new RecordingEvaluator(SearchesTest::peak));
        SearchOutcome onGrid = run(Method.CMAES, PERIODS, 200, 17, new RecordingEvaluator(SearchesTest::bump));

        assertThat(onPlane.trials())
                .extracting(Trial::parameters)
                .isEqualTo(plainOnPlane)
                .hasSize(budget);
        // On the grid the optimizer converges, repeating sets, before the budget is spent.
        assertThat(onGrid.trials())
                .extracting(Trial::parameters)
                .isEqualTo(plainOnGrid)
                .hasSizeGreaterThan(30);
    }

    /** The distinct sets Hipparchus's optimizer tries when it is handed one value at a time, up to the budget. */
    private static List<ParameterSet> plainCmaEs(
            SearchSpace space, ToDoubleFunction<ParameterSet> objective, int budget, long seed) {
        Set<ParameterSet> tried = new LinkedHashSet<>();
        class BudgetSpent extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        long maxProposals = (long) budget * TrialLog.PROPOSALS_PER_TRIAL;
        CMAESOptimizer optimizer = CmaEsSearch.optimizer(seed, maxProposals);
        long[] calls = {0};
        try {
            optimizer.optimize(CmaEsSearch.optimizationData(space.dimensions(), point -> {
                if (++calls[0] > maxProposals) {
                    throw new BudgetSpent();
                }
                ParameterSet set = space.at(point);
                if (tried.add(set) && tried.size() == budget) {
                    throw new BudgetSpent();
                }
                return CmaEsSearch.minimised(objective.applyAsDouble(set));
            }));
        } catch (BudgetSpent spent) {
            // as far as the budget goes
        }
        return new ArrayList<>(tried);
    }

    @Test
    void cmaesEndsOnceItHasTriedASmallGridWhole() {
        SearchSpace small =
                SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(5, 15, 5), "slow", range(40, 60, 10)), 1000);

        SearchOutcome outcome = run(Method.CMAES, small, 1000, 3, new RecordingEvaluator(SearchesTest::bump));

        assertThat(outcome.trials()).hasSizeLessThanOrEqualTo(9).doesNotHaveDuplicates();
        assertThat(outcome.best().orElseThrow().parameters()).isEqualTo(periods(15, 60));
    }

    @Test
    void geneticFindsThePlantedPeakOfAContinuousFunction() {
        SearchOutcome outcome = run(Method.GENETIC, PLANE, 400, 11, new RecordingEvaluator(SearchesTest::peak));

        ParameterSet best = outcome.best().orElseThrow().parameters();
        assertThat(best.value("x")).isCloseTo(0.3, within(0.02));
        assertThat(best.value("y")).isCloseTo(0.7, within(0.02));
    }

    @Test
    void geneticFindsThePlantedOptimumOfAGrid() {
        SearchOutcome outcome = run(Method.GENETIC, PERIODS, 120, 11, new RecordingEvaluator(SearchesTest::bump));

        assertThat(outcome.best().orElseThrow().parameters()).isEqualTo(periods(20, 120));
    }

    @Test
    void geneticHasEachGenerationEvaluatedAsOneBatch() {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::peak);

        run(Method.GENETIC, PLANE, 400, 11, evaluator);

        int population = GeneticSearch.populationSize(400);
        List<Integer> sizes = evaluator.batches.stream().map(List::size).toList();
        assertThat(sizes.getFirst()).isEqualTo(population);
        assertThat(sizes).hasSizeGreaterThan(5).allMatch(size -> size <= population);
    }

    @ParameterizedTest
    @EnumSource(names = {"RANDOM", "CMAES", "GENETIC"})
    void spendsTheBudgetAndNoMore(Method method) {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::peak);

        SearchOutcome outcome = run(method, PLANE, 37, 5, evaluator);

        assertThat(evaluator.evaluated()).hasSize(37);
        assertThat(outcome.trials()).hasSize(37);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void neverHasASetEvaluatedTwice(Method method) {
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::bump);

        SearchOutcome outcome = run(method, PERIODS, 190, 5, evaluator);

        assertThat(evaluator.evaluated()).doesNotHaveDuplicates().hasSizeGreaterThan(20);
        assertThat(outcome.trials()).extracting(Trial::parameters).isEqualTo(evaluator.evaluated());
    }

    @ParameterizedTest
    @EnumSource(names = {"RANDOM", "CMAES", "GENETIC"})
    void repeatsItsTrialsForTheSameSeed(Method method) {
        SearchOutcome first = run(method, PERIODS, 120, 42, new RecordingEvaluator(SearchesTest::bump));
        SearchOutcome second = run(method, PERIODS, 120, 42, new RecordingEvaluator(SearchesTest::bump));
        SearchOutcome otherSeed = run(method, PERIODS, 120, 43, new RecordingEvaluator(SearchesTest::bump));

        assertThat(second.trials()).isEqualTo(first.trials());
        assertThat(otherSeed.trials()).isNotEqualTo(first.trials());
    }

    @ParameterizedTest
    @EnumSource(names = {"CMAES", "GENETIC"})
    void movesAwayFromAnInfeasibleRegion(Method method) {
        // Infeasible wherever x > 0.6: two fifths of the space, beside the peak at (0.3, 0.7).
        RecordingEvaluator evaluator = new RecordingEvaluator(set -> set.value("x") > 0.6 ? Double.NaN : peak(set));

        SearchOutcome outcome = run(method, PLANE, 400, 9, evaluator);

        List<Trial> lastHundred = outcome.trials().subList(300, 400);
        assertThat(lastHundred.stream().filter(trial -> !trial.feasible()).count())
                .isLessThan(10);
        ParameterSet best = outcome.best().orElseThrow().parameters();
        assertThat(best.value("x")).isCloseTo(0.3, within(0.05));
        assertThat(best.value("y")).isCloseTo(0.7, within(0.05));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void triesTheDefaultsOnceWhenNothingIsSearched(Method method) {
        SearchSpace nothing = SearchSpace.of(SMA_CROSSOVER, Map.of(), 1000);
        RecordingEvaluator evaluator = new RecordingEvaluator(SearchesTest::bump);

        SearchOutcome outcome = run(method, nothing, 100, 1, evaluator);

        assertThat(outcome.trials()).containsExactly(new Trial(periods(10, 50), bump(periods(10, 50))));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void refusesAnEvaluatorThatAnswersForTheWrongNumberOfSets(Method method) {
        assertThatThrownBy(() -> run(method, PERIODS, 190, 1, batch -> new double[] {1.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The evaluator returned 1 values for ");
    }

    private static ParameterSet periods(double fast, double slow) {
        return ParameterSet.of(Map.of("fast", fast, "slow", slow));
    }
}
