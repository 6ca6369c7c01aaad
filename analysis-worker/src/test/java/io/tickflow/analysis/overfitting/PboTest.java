package io.tickflow.analysis.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.Test;

class PboTest {

    private static double[] noise(SplittableRandom random, int bars, double mean) {
        double[] returns = new double[bars];
        for (int i = 0; i < bars; i++) {
            returns[i] = mean + random.nextGaussian();
        }
        return returns;
    }

    @Test
    void choosingAmongPureNoiseOverfitsHalfTheTime() {
        // One study's estimate varies a lot with the realisation (its combinations share the data), so the mean over
        // 20 independent studies of 50 noise trials is checked; each study has C(16, 8) = 12,870 combinations.
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        int studies = 20;
        for (int study = 0; study < studies; study++) {
            List<ReturnBlocks> trials = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                trials.add(ReturnBlocks.of(noise(random, 800, 0), 0, 800, 16));
            }
            Pbo.Estimate estimate = Pbo.estimate(trials).orElseThrow();
            assertThat(estimate.logits()).hasSize(12_870);
            assertThat(estimate.probability()).isBetween(0.05, 0.95);
            sum += estimate.probability();
        }

        assertThat(sum / studies).isBetween(0.4, 0.6);
    }

    @Test
    void aRealEdgeAmongNoiseIsNotOverfit() {
        SplittableRandom random = new SplittableRandom(5);
        List<ReturnBlocks> trials = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            // Trial 37 earns 0.15 standard deviations a bar in every block; the others earn nothing.
            trials.add(ReturnBlocks.of(noise(random, 1600, t == 37 ? 0.15 : 0), 0, 1600, 16));
        }
        Pbo.Estimate estimate = Pbo.estimate(trials).orElseThrow();

        assertThat(estimate.probability()).isLessThan(0.1);
        // Nearly always the edge wins in sample and is the best of 100 out of sample: ω = 100/101, λ = ln 100.
        long edgeOnTop = estimate.logits().stream()
                .filter(logit -> Math.abs(logit - Math.log(100)) < 1e-9)
                .count();
        assertThat(edgeOnTop).isGreaterThan(12_870 * 95 / 100);
    }

    @Test
    void anInSampleWinnerThatAlwaysLosesOutOfSampleIsCertainlyOverfit() {
        // Block b of trial A holds two returns summing to 2^b for b < 15 and the last block -(2^15 - 1), so A's
        // returns sum to 0 and no 8 blocks sum to 0: A's out-of-sample sum is minus its in-sample sum. Trial B is -A.
        // Whichever of the two wins in sample thus has a negative out-of-sample Sharpe ratio and the other a positive
        // one: rank 1 of 2, ω = 1/3, λ = ln(1/2) in every one of the 12,870 combinations.
        double[] a = new double[32];
        for (int b = 0; b < 16; b++) {
            double blockSum = b < 15 ? 1 << b : -((1 << 15) - 1);
            a[2 * b] = blockSum / 2 + 1;
            a[2 * b + 1] = blockSum / 2 - 1;
        }
        double[] minusA = new double[32];
        for (int i = 0; i < 32; i++) {
            minusA[i] = -a[i];
        }
        Pbo.Estimate estimate = Pbo.estimate(List.of(ReturnBlocks.of(a, 0, 32, 16), ReturnBlocks.of(minusA, 0, 32, 16)))
                .orElseThrow();

        assertThat(estimate.probability()).isEqualTo(1);
        assertThat(estimate.logits()).hasSize(12_870).allSatisfy(logit -> assertThat(logit)
                .isCloseTo(Math.log(0.5), within(1e-15)));
    }

    @Test
    void matchesAHandWorkedCaseOfFourBlocksAndThreeTrials() {
        // Every block holds two returns m + 1 and m - 1: count 2, sum 2m, sum of squares 2m² + 2. Two blocks i, j
        // together have mean (mi + mj) / 2 and sample variance ((mi - mj)² + 4) / 3.
        //   T0: m = ( 1,  1,  1,  1): any two blocks: 1 / sqrt(4/3) = 0.866
        //   T1: m = ( 3,  3, -1, -1): {0,1}: 3 / sqrt(4/3) = 2.598, {2,3}: -0.866, one of each: 1 / sqrt(20/3) = 0.387
        //   T2: m = (-1, -1,  3,  3): {0,1}: -0.866, {2,3}: 2.598, one of each: 0.387
        // In sample / out of sample: winner in sample, its rank out of sample among 3, ω = rank / 4:
        //   {0,1} / {2,3}: T1 (2.598); out of sample T1 -0.866 is the worst: rank 1, ω = 1/4, λ = ln(1/3) <= 0
        //   {0,2} / {1,3}: T0 (0.866 > 0.387); out of sample T0 0.866 is the best: rank 3, ω = 3/4, λ = ln 3
        //   {0,3} / {1,2}, {1,2} / {0,3}, {1,3} / {0,2}: the same as {0,2}: λ = ln 3
        //   {2,3} / {0,1}: T2 (2.598); out of sample T2 -0.866: λ = ln(1/3)
        // PBO = 2 / 6 = 1/3.
        List<ReturnBlocks> trials = List.of(blocks(1, 1, 1, 1), blocks(3, 3, -1, -1), blocks(-1, -1, 3, 3));
        Pbo.Estimate estimate = Pbo.estimate(trials).orElseThrow();

        assertThat(estimate.probability()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(estimate.logits())
                .usingElementComparator(new DoubleComparator(1e-12))
                .containsExactlyInAnyOrder(
                        Math.log(1.0 / 3), Math.log(1.0 / 3), Math.log(3), Math.log(3), Math.log(3), Math.log(3));
    }

    private static ReturnBlocks blocks(double... means) {
        int[] counts = new int[means.length];
        double[] sums = new double[means.length];
        double[] squares = new double[means.length];
        for (int b = 0; b < means.length; b++) {
            counts[b] = 2;
            sums[b] = 2 * means[b];
            squares[b] = 2 * means[b] * means[b] + 2;
        }
        return ReturnBlocks.ofMoments(counts, sums, squares);
    }

    @Test
    void identicalTrialsTieAtTheMedianAndCountAsOverfit() {
        // The first of two identical trials wins in sample; out of sample both share ranks 1 and 2, so its rank is
        // 1.5, ω = 1/2 and λ = 0.
        double[] returns = noise(new SplittableRandom(9), 64, 0);
        ReturnBlocks trial = ReturnBlocks.of(returns, 0, 64, 8);
        Pbo.Estimate estimate = Pbo.estimate(List.of(trial, trial)).orElseThrow();

        assertThat(estimate.probability()).isEqualTo(1);
        assertThat(estimate.logits()).hasSize(70).containsOnly(0.0);
    }

    @Test
    void cannotBeEstimatedWithoutAChoice() {
        ReturnBlocks trial = ReturnBlocks.of(noise(new SplittableRandom(1), 64, 0), 0, 64, 16);

        assertThat(Pbo.estimate(List.of(trial))).isEmpty();
        assertThat(Pbo.estimate(List.of())).isEmpty();
    }

    @Test
    void rejectsTrialsCutIntoDifferentBlocks() {
        double[] returns = noise(new SplittableRandom(1), 100, 0);

        assertThatThrownBy(() -> Pbo.estimate(
                        List.of(ReturnBlocks.of(returns, 0, 100, 16), ReturnBlocks.of(returns, 0, 100, 10))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbo.estimate(
                        List.of(ReturnBlocks.of(returns, 0, 100, 16), ReturnBlocks.of(returns, 0, 99, 16))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
