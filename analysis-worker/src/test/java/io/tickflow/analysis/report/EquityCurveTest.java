package io.tickflow.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    @Test
    void downsamplingAMillionPointsKeepsTheGlobalMinimumAndMaximumOfBothSeries() {
        int n = 1_000_000;
        long[] times = new long[n];
        double[] strategy = new double[n];
        double[] hold = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_000_000_000L + 60_000L * i;
            strategy[i] = 1 + 0.3 * Math.sin(i / 5_000.0) + 0.01 * Math.sin(i * 0.7);
            hold[i] = 1 + 0.2 * Math.cos(i / 7_000.0) - 0.2;
        }
        hold[0] = 1;
        // Single-point spikes in the middle of a bucket: averaging or striding would lose them.
        strategy[123_457] = 0.05;
        strategy[876_543] = 9.5;
        hold[500_001] = 0.01;
        hold[42_424] = 7.0;

        EquityCurve curve = EquityCurve.downsample(times, strategy, hold);

        assertThat(curve.size()).isLessThanOrEqualTo(1_000).isGreaterThan(500);
        assertThat(min(curve.strategy())).isEqualTo(0.05);
        assertThat(max(curve.strategy())).isEqualTo(9.5);
        assertThat(min(curve.buyAndHold())).isEqualTo(0.01);
        assertThat(max(curve.buyAndHold())).isEqualTo(7.0);
        assertThat(curve.times()).contains(times[123_457], times[876_543], times[500_001], times[42_424]);
        assertThat(curve.times().getFirst()).isEqualTo(times[0]);
        assertThat(curve.times().getLast()).isEqualTo(times[n - 1]);
        assertThat(curve.times()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void downsamplingKeepsEachBucketsLowAndHighSoThatEveryDrawdownShows() {
        SyntheticStudy study = new SyntheticStudy();

        EquityCurve curve = EquityCurve.downsample(study.times, study.strategy, study.buyAndHold, 60);

        // 10 buckets of 500 points: each bucket's own minimum of the strategy must survive.
        for (int b = 0; b < 10; b++) {
            double bucketMin = Double.POSITIVE_INFINITY;
            for (int i = b * 500; i < (b + 1) * 500; i++) {
                bucketMin = Math.min(bucketMin, study.strategy[i]);
            }
            assertThat(curve.strategy()).contains(bucketMin);
        }
        assertThat(curve.size()).isLessThanOrEqualTo(60);
    }

    @Test
    void keepsACurveThatAlreadyFitsWhole() {
        EquityCurve curve =
                EquityCurve.downsample(new long[] {1, 2, 3}, new double[] {1, 1.1, 0.9}, new double[] {1, 1, 1.2});

        assertThat(curve.times()).containsExactly(1L, 2L, 3L);
        assertThat(curve.strategy()).containsExactly(1.0, 1.1, 0.9);
    }

    @Test
    void rejectsCurvesThatDoNotStartAtOneOrDisagreeInLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EquityCurve(List.of(1L, 2L), List.of(1.5, 1.0), List.of(1.0, 1.0)))
                .withMessageContaining("start at 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EquityCurve(List.of(1L, 2L), List.of(1.0), List.of(1.0, 1.0)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EquityCurve(List.of(2L, 2L), List.of(1.0, 1.0), List.of(1.0, 1.0)))
                .withMessageContaining("increase");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EquityCurve.downsample(new long[10], new double[10], new double[10], 5));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
