package io.tickflow.analysis.overfitting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The probability of backtest overfitting, estimated by combinatorially symmetric cross-validation (Bailey, Borwein,
 * López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4), 2017).
 *
 * <p>Every trial's returns are cut into the same {@code S} blocks ({@link ReturnBlocks}). For each of the C(S, S/2)
 * ways to choose half of the blocks as in sample (the other half being out of sample), the trial with the best
 * in-sample Sharpe ratio is picked and its out-of-sample Sharpe ratio ranked among all {@code N} trials' (rank 1 the
 * worst, {@code N} the best). Its relative rank is {@code ω = rank / (N + 1)} and its logit {@code λ = ln(ω / (1 -
 * ω))}; {@code λ <= 0} means the in-sample winner did no better than the median trial out of sample. The probability
 * of backtest overfitting is the share of combinations with {@code λ <= 0}: near 0 when in-sample excellence carries
 * over, near 1/2 when the trials are noise, and towards 1 when the in-sample winner is systematically a loser.
 *
 * <p>Ties: among trials with equal in-sample Sharpe ratios the first in list order is picked; trials whose
 * out-of-sample Sharpe ratio equals the pick's share their ranks (mid-rank, so the pick's rank is the number of trials
 * below it plus half of the tied ones, itself included, plus one half). A pick exactly at the median ({@code λ = 0},
 * for example among identical trials) counts as overfit: it did not beat the trials it was chosen over.
 */
public final class Pbo {

    private Pbo() {}

    /**
     * The estimate over every combination of blocks.
     *
     * @param probability the share of combinations whose in-sample winner ranked at or below the median out of sample
     * @param logits every combination's logit {@code λ}, in the order combinations were enumerated (no meaning beyond
     *     being one value per combination), for a histogram
     */
    public record Estimate(double probability, List<Double> logits) {

        public Estimate {
            logits = List.copyOf(logits);
        }
    }

    /**
     * Estimates the probability of backtest overfitting of choosing the best of {@code trials}.
     *
     * @param trials every trial's return blocks, all cut from the same period into the same blocks
     * @return the estimate, or empty for fewer than two trials, where there is no choice to overfit
     * @throws IllegalArgumentException if the trials' blocks differ in number or in length
     */
    public static Optional<Estimate> estimate(List<ReturnBlocks> trials) {
        int n = trials.size();
        if (n < 2) {
            return Optional.empty();
        }
        ReturnBlocks first = trials.get(0);
        int s = first.blocks();
        int[] counts = new int[s];
        long totalCount = 0;
        for (int b = 0; b < s; b++) {
            counts[b] = first.count(b);
            totalCount += counts[b];
        }
        // Trial-major flat arrays keep one trial's blocks on one or two cache lines in the inner loop.
        double[] sums = new double[n * s];
        double[] squares = new double[n * s];
        double[] totalSums = new double[n];
        double[] totalSquares = new double[n];
        for (int t = 0; t < n; t++) {
            ReturnBlocks trial = trials.get(t);
            if (trial.blocks() != s) {
                throw new IllegalArgumentException("Every trial's returns are cut into the same number of blocks: " + s
                        + " and " + trial.blocks());
            }
            for (int b = 0; b < s; b++) {
                if (trial.count(b) != counts[b]) {
                    throw new IllegalArgumentException(
                            "Every trial's returns are cut from the same period into the" + " same blocks: block " + b
                                    + " holds " + counts[b] + " and " + trial.count(b) + " returns");
                }
                sums[t * s + b] = trial.sum(b);
                squares[t * s + b] = trial.sumOfSquares(b);
                totalSums[t] += trial.sum(b);
                totalSquares[t] += trial.sumOfSquares(b);
            }
        }

        int half = s / 2;
        double[] logits = new double[combinations(s, half)];
        int[] inSampleBlocks = new int[half];
        double[] outOfSampleSharpes = new double[n];
        int overfit = 0;
        int combination = 0;
        for (int mask = (1 << half) - 1; mask < 1 << s; mask = nextWithSameBitCount(mask)) {
            int k = 0;
            long inCount = 0;
            for (int b = 0; b < s; b++) {
                if ((mask & 1 << b) != 0) {
                    inSampleBlocks[k++] = b;
                    inCount += counts[b];
                }
            }
            long outCount = totalCount - inCount;
            int best = 0;
            double bestSharpe = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                int base = t * s;
                double sum = 0;
                double sumOfSquares = 0;
                for (int b : inSampleBlocks) {
                    sum += sums[base + b];
                    sumOfSquares += squares[base + b];
                }
                double inSharpe = ReturnBlocks.sharpe(inCount, sum, sumOfSquares);
                outOfSampleSharpes[t] =
                        ReturnBlocks.sharpe(outCount, totalSums[t] - sum, totalSquares[t] - sumOfSquares);
                if (t == 0 || inSharpe > bestSharpe) {
                    best = t;
                    bestSharpe = inSharpe;
                }
            }
            double picked = outOfSampleSharpes[best];
            int below = 0;
            int tied = 0;
            for (double sharpe : outOfSampleSharpes) {
                if (sharpe < picked) {
                    below++;
                } else if (sharpe == picked) {
                    tied++;
                }
            }
            double omega = (below + (tied + 1) / 2.0) / (n + 1);
            logits[combination++] = Math.log(omega / (1 - omega));
            // ω <= 1/2 decided in integers, so that a pick exactly at the median is not lost to rounding in the log.
            if (2 * below + tied <= n) {
                overfit++;
            }
        }
        return Optional.of(new Estimate(
                (double) overfit / logits.length, Arrays.stream(logits).boxed().toList()));
    }

    /** The next larger int with as many set bits (Gosper's hack), which enumerates the combinations in order. */
    private static int nextWithSameBitCount(int mask) {
        int lowest = mask & -mask;
        int ripple = mask + lowest;
        return ripple | ((mask ^ ripple) >>> 2) / lowest;
    }

    private static int combinations(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return Math.toIntExact(c);
    }
}
