package io.tickflow.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyReportTest {

    private final StudyReport valid = new SyntheticStudy().report();

    @Test
    void rejectsAnUnknownIntervalOrOptimizer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> copy(valid, "7m", valid.optimizer(), valid.from(), valid.probabilityOfOverfitting()))
                .withMessageContaining("7m");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> copy(valid, "5m", "annealing", valid.from(), valid.probabilityOfOverfitting()))
                .withMessageContaining("annealing");
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> copy(valid, "5m", "grid", valid.to(), valid.probabilityOfOverfitting()));
    }

    @Test
    void rejectsAProbabilityOfOverfittingAboveOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> copy(valid, "5m", "grid", valid.from(), new BigDecimal("1.01")));
    }

    @Test
    void keepsItsMapsSortedAndUnmodifiable() {
        assertThat(valid.metrics().firstKey()).isEqualTo("cagr");
        assertThat(valid.bestParameters()).containsOnlyKeys("fast", "slow", "stop");
        assertThat(valid.trialPoints().getFirst().parameters().keySet()).containsExactly("fast", "slow", "stop");
    }

    @Test
    void aTrialIsInfeasibleOnlyWhenItsValueIsNaN() {
        assertThat(TrialPoint.of(Map.of(), Double.NaN).feasible()).isFalse();
        assertThat(TrialPoint.of(Map.of(), -3).feasible()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> TrialPoint.of(Map.of(), Double.POSITIVE_INFINITY));
    }

    private static StudyReport copy(
            StudyReport r, String interval, String optimizer, Instant from, BigDecimal probabilityOfOverfitting) {
        return new StudyReport(
                r.jobId(),
                r.requestId(),
                r.generatedAt(),
                r.venue(),
                r.symbol(),
                interval,
                r.strategy(),
                optimizer,
                r.objective(),
                r.direction(),
                r.costs(),
                r.constraints(),
                from,
                r.to(),
                r.bars(),
                r.bestParameters(),
                r.objectiveValue(),
                r.metrics(),
                r.trials(),
                r.equity(),
                r.trialPoints(),
                r.walkForward(),
                r.deflatedSharpe(),
                probabilityOfOverfitting,
                List.copyOf(r.pboLogits()));
    }
}
