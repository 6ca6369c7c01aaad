package io.tickflow.analysis.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.common.contract.analysis.ParameterSpace;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static final List<Parameter> SMA_CROSSOVER = List.of(
            Parameter.integer("fast", "the short average's period", 10, 2, 500),
            Parameter.integer("slow", "the long average's period", 50, 3, 1000));

    private static final List<Parameter> WITH_THRESHOLD = List.of(
            Parameter.integer("fast", "the short average's period", 10, 2, 500),
            Parameter.real("threshold", "how far apart the averages must be", 0.5, 0, 5));

    @Test
    void namesTheParameterTheStrategyDoesNotDeclareAndThoseItDoes() {
        assertThatThrownBy(() -> SearchSpace.of("sma-crossover", SMA_CROSSOVER, Map.of("fsat", range(5, 50, 5)), 1000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("sma-crossover has no parameter 'fsat'; it takes fast, slow");
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fsat", range(5, 50, 5)), 1000))
                .hasMessage("The strategy has no parameter 'fsat'; it takes fast, slow");
    }

    @Test
    void rejectsARangeBeyondTheDeclaredBounds() {
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(1, 50, 1)), 1000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("fast is between 2 and 500, so it cannot range from 1 to 50");
        assertThatThrownBy(() -> SearchSpace.of(WITH_THRESHOLD, Map.of("threshold", continuous("0", "5.5")), 1000))
                .hasMessage("threshold is between 0 and 5, so it cannot range from 0 to 5.5");
    }

    @Test
    void rejectsAChoiceBeyondTheDeclaredBounds() {
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("slow", choices("20", "2000")), 1000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("slow is between 3 and 1000, so it cannot take 2000");
    }

    @Test
    void rejectsFractionsForAWholeNumberParameter() {
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range("5", "50", "2.5")), 1000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("fast is a whole number, so its step must be one too, not 2.5");
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range("5.5", "50", "5")), 1000))
                .hasMessage("fast is a whole number, so its range cannot start at 5.5");
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fast", choices("7", "14.5")), 1000))
                .hasMessage("fast is a whole number, so it cannot take 14.5");
    }

    @Test
    void acceptsWholeNumbersWrittenWithDecimals() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range("5.0", "15.00", "5.0")), 1000);

        assertThat(space.grid().map(set -> set.value("fast"))).containsExactly(5.0, 10.0, 15.0);
    }

    @Test
    void rejectsAContinuousWholeNumberRangeThatHoldsNoWholeNumber() {
        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, Map.of("fast", continuous("2.5", "2.7")), 1000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("fast is a whole number and none lies between 2.5 and 2.7; widen the range");
    }

    @Test
    void roundsAContinuousRangeOfAWholeNumberParameterToTheWholeNumbersInside() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of("fast", continuous("4.5", "7.5")), 1000);

        assertThat(space.gridSize()).isEmpty();
        assertThat(space.at(new double[] {0.0}).value("fast")).isEqualTo(5.0);
        assertThat(space.at(new double[] {0.4}).value("fast")).isEqualTo(6.0);
        assertThat(space.at(new double[] {0.7}).value("fast")).isEqualTo(7.0);
        assertThat(space.at(new double[] {1.0}).value("fast")).isEqualTo(7.0);
        SplittableRandom random = new SplittableRandom(1);
        Set<Double> sampled = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> sampled.add(space.sample(random).value("fast")));
        assertThat(sampled).containsExactlyInAnyOrder(5.0, 6.0, 7.0);
    }

    @Test
    void rejectsAGridLargerThanTheMaximum() {
        Map<String, ParameterSpace> requested = Map.of("fast", range(2, 100, 1), "slow", range(3, 1000, 1));

        assertThatThrownBy(() -> SearchSpace.of(SMA_CROSSOVER, requested, 10_000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("The grid has 98802 combinations, more than the 10000 a study may hold;"
                        + " use larger steps or fewer choices");
        assertThat(SearchSpace.of(SMA_CROSSOVER, requested, 98_802).gridSize()).hasValue(98_802);
    }

    @Test
    void rejectsARangeWithMoreValuesThanTheMaximumEvenBesideAContinuousOne() {
        Map<String, ParameterSpace> requested =
                Map.of("fast", range(2, 100, 1), "threshold", range("0", "5", "0.0001"));

        assertThatThrownBy(() -> SearchSpace.of(WITH_THRESHOLD, requested, 10_000))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("threshold from 0 to 5 in steps of 0.0001 has 50001 values, more than the 10000 a study"
                        + " may hold; use a larger step");
    }

    @Test
    void holdsDecimalStepsExactly() {
        SearchSpace space = SearchSpace.of(WITH_THRESHOLD, Map.of("threshold", range("0.1", "1", "0.1")), 1000);

        assertThat(space.grid().map(set -> set.value("threshold")))
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
                .doesNotContain(0.1 + 0.2);
    }

    @Test
    void stopsARangeAtTheLastStepNotBeyondItsMax() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(5, 22, 5)), 1000);

        assertThat(space.grid().map(set -> set.value("fast"))).containsExactly(5.0, 10.0, 15.0, 20.0);
    }

    @Test
    void keepsTheDefaultsOfParametersTheRequestLeavesOut() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of("fast", choices("7", "14")), 1000);

        assertThat(space.names()).containsExactly("fast", "slow");
        assertThat(space.dimensions()).isEqualTo(1);
        assertThat(space.defaults()).isEqualTo(set(10, 50));
        assertThat(space.grid()).containsExactly(set(7, 50), set(14, 50));
    }

    @Test
    void listsEveryCombinationAsNestedLoopsInDeclaredOrder() {
        SearchSpace space =
                SearchSpace.of(SMA_CROSSOVER, Map.of("fast", range(5, 15, 5), "slow", choices("60", "30")), 1000);

        assertThat(space.gridSize()).hasValue(6);
        assertThat(space.grid())
                .containsExactly(set(5, 60), set(5, 30), set(10, 60), set(10, 30), set(15, 60), set(15, 30));
    }

    @Test
    void triesChoicesInTheOrderGivenAndOnlyOnce() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of("fast", choices("21", "7", "14", "7.0")), 1000);

        assertThat(space.grid().map(set -> set.value("fast"))).containsExactly(21.0, 7.0, 14.0);
    }

    @Test
    void refusesAGridOfAContinuousRangeNamingIt() {
        SearchSpace space = SearchSpace.of(
                WITH_THRESHOLD, Map.of("fast", range(5, 15, 5), "threshold", continuous("0", "1")), 1000);

        assertThat(space.gridSize()).isEmpty();
        assertThatThrownBy(space::grid)
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("Grid search needs a step for 'threshold'; give each range a step or use random, cmaes or"
                        + " genetic search");
    }

    @Test
    void mapsEachValueToAnEqualCellOfTheUnitInterval() {
        SearchSpace space = SearchSpace.of(
                WITH_THRESHOLD, Map.of("fast", choices("7", "14", "21"), "threshold", continuous("1", "3")), 1000);

        assertThat(space.dimensions()).isEqualTo(2);
        assertThat(space.at(new double[] {0.0, 0.0})).isEqualTo(ParameterSet.of(Map.of("fast", 7.0, "threshold", 1.0)));
        assertThat(space.at(new double[] {0.33, 0.25}))
                .isEqualTo(ParameterSet.of(Map.of("fast", 7.0, "threshold", 1.5)));
        assertThat(space.at(new double[] {0.34, 0.5}).value("fast")).isEqualTo(14.0);
        assertThat(space.at(new double[] {0.67, 1.0}))
                .isEqualTo(ParameterSet.of(Map.of("fast", 21.0, "threshold", 3.0)));
        assertThat(space.at(new double[] {1.5, -0.5}))
                .isEqualTo(ParameterSet.of(Map.of("fast", 21.0, "threshold", 1.0)));
    }

    @Test
    void samplesWithinTheSpace() {
        SearchSpace space = SearchSpace.of(
                WITH_THRESHOLD, Map.of("fast", range(5, 50, 5), "threshold", continuous("0.5", "2")), 1000);
        SplittableRandom random = new SplittableRandom(7);

        for (int i = 0; i < 1000; i++) {
            ParameterSet sample = space.sample(random);
            assertThat(sample.value("fast")).isBetween(5.0, 50.0);
            assertThat(sample.value("fast") % 5).isZero();
            assertThat(sample.value("threshold")).isBetween(0.5, 2.0);
        }
    }

    @Test
    void hasOneSetWhenNothingIsSearched() {
        SearchSpace space = SearchSpace.of(SMA_CROSSOVER, Map.of(), 1);

        assertThat(space.dimensions()).isZero();
        assertThat(space.gridSize()).hasValue(1);
        assertThat(space.grid()).containsExactly(set(10, 50));
        assertThat(space.at(new double[0])).isEqualTo(set(10, 50));
    }

    private static ParameterSet set(double fast, double slow) {
        return ParameterSet.of(new TreeMap<>(Map.of("fast", fast, "slow", slow)));
    }

    static ParameterSpace range(long min, long max, long step) {
        return new ParameterSpace.Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), BigDecimal.valueOf(step));
    }

    static ParameterSpace range(String min, String max, String step) {
        return new ParameterSpace.Range(new BigDecimal(min), new BigDecimal(max), new BigDecimal(step));
    }

    static ParameterSpace continuous(String min, String max) {
        return new ParameterSpace.Range(new BigDecimal(min), new BigDecimal(max), null);
    }

    static ParameterSpace choices(String... values) {
        return new ParameterSpace.Choices(
                Arrays.stream(values).map(BigDecimal::new).toList());
    }
}
