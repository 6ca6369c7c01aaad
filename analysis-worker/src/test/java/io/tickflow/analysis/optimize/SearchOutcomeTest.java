package io.tickflow.analysis.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchOutcomeTest {

    private static Trial trial(double fast, double value) {
        return new Trial(ParameterSet.of(Map.of("fast", fast)), value);
    }

    @Test
    void theBestIsTheHighestFeasibleValue() {
        SearchOutcome outcome = new SearchOutcome(List.of(trial(5, 0.4), trial(10, Double.NaN), trial(15, 0.9)));

        assertThat(outcome.best()).contains(trial(15, 0.9));
    }

    @Test
    void theFirstOfEqualValuesIsTheBest() {
        SearchOutcome outcome = new SearchOutcome(List.of(trial(5, 0.4), trial(10, 0.9), trial(15, 0.9)));

        assertThat(outcome.best()).contains(trial(10, 0.9));
    }

    @Test
    void thereIsNoBestWhenEveryTrialIsInfeasible() {
        SearchOutcome outcome = new SearchOutcome(List.of(trial(5, Double.NaN), trial(10, Double.NaN)));

        assertThat(outcome.best()).isEmpty();
        assertThat(new SearchOutcome(List.of()).best()).isEmpty();
    }
}
