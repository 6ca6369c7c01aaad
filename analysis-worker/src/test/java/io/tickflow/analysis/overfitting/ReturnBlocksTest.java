package io.tickflow.analysis.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReturnBlocksTest {

    @Test
    void blocksAreContiguousSlicesOfNearlyEqualLength() {
        double[] returns = new double[1003];
        Arrays.setAll(returns, i -> i);
        ReturnBlocks blocks = ReturnBlocks.of(returns, 5, 1000, 16);

        // 995 bars in 16 blocks: 62 or 63 each. Block b starts at 5 + floor(995 b / 16), and the returns are the bar
        // indices, so a block's sum is the sum of its indices.
        int start = 5;
        for (int b = 0; b < 16; b++) {
            int end = 5 + 995 * (b + 1) / 16;
            assertThat(blocks.count(b)).isEqualTo(end - start).isBetween(62, 63);
            assertThat(blocks.sum(b)).isEqualTo((double) (start + end - 1) * (end - start) / 2);
            start = end;
        }
        assertThat(start).isEqualTo(1000);
    }

    @Test
    void combinedMomentsEqualTheMomentsOfTheConcatenatedReturns() {
        SplittableRandom random = new SplittableRandom(17);
        double[] returns = new double[1003];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = 0.0005 + 0.01 * random.nextGaussian();
        }
        ReturnBlocks blocks = ReturnBlocks.of(returns, 5, 1000, 16);
        long mask = 0b1010_0110_0011_0001L; // blocks 0, 4, 5, 9, 10, 13, 15

        double[] concatenated = new double[0];
        int from = 5;
        for (int b = 0; b < 16; b++) {
            int to = from + blocks.count(b);
            if ((mask & 1L << b) != 0) {
                double[] joined = Arrays.copyOf(concatenated, concatenated.length + to - from);
                System.arraycopy(returns, from, joined, concatenated.length, to - from);
                concatenated = joined;
            }
            from = to;
        }
        ReturnMoments expected = ReturnMoments.of(concatenated, 0, concatenated.length);

        assertThat(blocks.combinedCount(mask)).isEqualTo(expected.count());
        assertThat(blocks.combinedMean(mask)).isCloseTo(expected.mean(), within(1e-15));
        assertThat(blocks.combinedStandardDeviation(mask))
                .isCloseTo(expected.standardDeviation(), within(1e-12 * expected.standardDeviation()));
    }

    @Test
    void returnsThatDoNotVaryAreRankedByTheirMean() {
        assertThat(ReturnBlocks.sharpe(4, 0, 0)).isZero();
        assertThat(ReturnBlocks.sharpe(4, -0.4, 0.04)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ReturnBlocks.sharpe(4, 4, 6)).isCloseTo(1 / Math.sqrt(2.0 / 3), within(1e-15));
    }

    @Test
    void rejectsBlockCountsThatCannotBeHalvedOrAreTooShort() {
        double[] returns = new double[100];

        assertThatThrownBy(() -> ReturnBlocks.of(returns, 0, 100, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnBlocks.of(returns, 0, 100, 22)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnBlocks.of(returns, 0, 31, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("16 blocks of returns need at least 32 bars, two per block; the period has 31");
        assertThat(ReturnBlocks.of(returns, 0, 32, 16).blocks()).isEqualTo(16);
    }
}
