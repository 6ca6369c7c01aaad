package io.tickflow.analysis.overfitting;

import java.util.Objects;

/**
 * One trial's per-bar returns reduced to the moments of {@code S} contiguous blocks (count, sum and sum of squares of
 * each), which is all the probability of backtest overfitting needs: the mean and standard deviation of any union of
 * blocks follow from the sums. A study of 1,000 trials over 1,000,000 bars thus keeps {@code 3 S} numbers per trial
 * instead of its returns.
 */
public final class ReturnBlocks {

    /** The number of blocks a study uses unless configured otherwise; C(16, 8) = 12,870 combinations. */
    public static final int DEFAULT_BLOCKS = 16;

    /** The most blocks allowed: C(20, 10) = 184,756 combinations, beyond which the estimate grows slow for no gain. */
    public static final int MAX_BLOCKS = 20;

    private final int[] counts;
    private final double[] sums;
    private final double[] sumsOfSquares;

    private ReturnBlocks(int[] counts, double[] sums, double[] sumsOfSquares) {
        this.counts = counts;
        this.sums = sums;
        this.sumsOfSquares = sumsOfSquares;
    }

    /**
     * The blocks of {@code barReturns[from..to)}: block {@code b} of {@code S} covers {@code [from + floor(b n / S),
     * from + floor((b + 1) n / S))} with {@code n = to - from}, so blocks are contiguous, cover the window and differ
     * in length by at most one bar.
     *
     * @param blocks the number of blocks {@code S}: even, from 2 to {@value #MAX_BLOCKS}
     * @throws IllegalArgumentException if the window has fewer than two returns per block, or a return that is not
     *     finite
     */
    public static ReturnBlocks of(double[] barReturns, int from, int to, int blocks) {
        Objects.checkFromToIndex(from, to, barReturns.length);
        checkBlockCount(blocks);
        int n = to - from;
        if (n < 2 * blocks) {
            throw new IllegalArgumentException(blocks + " blocks of returns need at least " + 2 * blocks
                    + " bars, two per block; the period has " + n);
        }
        int[] counts = new int[blocks];
        double[] sums = new double[blocks];
        double[] sumsOfSquares = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int blockFrom = from + (int) ((long) b * n / blocks);
            int blockTo = from + (int) ((long) (b + 1) * n / blocks);
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = blockFrom; i < blockTo; i++) {
                double r = barReturns[i];
                if (!Double.isFinite(r)) {
                    throw new IllegalArgumentException("The return at bar " + i + " is not a finite number: " + r);
                }
                sum += r;
                sumOfSquares += r * r;
            }
            counts[b] = blockTo - blockFrom;
            sums[b] = sum;
            sumsOfSquares[b] = sumOfSquares;
        }
        return new ReturnBlocks(counts, sums, sumsOfSquares);
    }

    /** Blocks given by their moments (copied), each block holding at least two returns. */
    public static ReturnBlocks ofMoments(int[] counts, double[] sums, double[] sumsOfSquares) {
        checkBlockCount(counts.length);
        if (sums.length != counts.length || sumsOfSquares.length != counts.length) {
            throw new IllegalArgumentException("Every block has a count, a sum and a sum of squares");
        }
        for (int count : counts) {
            if (count < 2) {
                throw new IllegalArgumentException("Every block holds at least two returns: " + count);
            }
        }
        return new ReturnBlocks(counts.clone(), sums.clone(), sumsOfSquares.clone());
    }

    private static void checkBlockCount(int blocks) {
        if (blocks < 2 || blocks > MAX_BLOCKS || blocks % 2 != 0) {
            throw new IllegalArgumentException(
                    "Returns are cut into an even number of blocks from 2 to " + MAX_BLOCKS + ": " + blocks);
        }
    }

    /** The number of blocks, {@code S}. */
    /** How many returns each block holds. A copy. */
    public int[] counts() {
        return counts.clone();
    }

    /** The sum of each block's returns. A copy. */
    public double[] sums() {
        return sums.clone();
    }

    /** The sum of each block's squared returns. A copy. */
    public double[] sumsOfSquares() {
        return sumsOfSquares.clone();
    }

    public int blocks() {
        return counts.length;
    }

    int count(int block) {
        return counts[block];
    }

    double sum(int block) {
        return sums[block];
    }

    double sumOfSquares(int block) {
        return sumsOfSquares[block];
    }

    /** The number of returns in the blocks whose bits are set in {@code blockMask}. */
    long combinedCount(long blockMask) {
        long count = 0;
        for (int b = 0; b < counts.length; b++) {
            if ((blockMask & 1L << b) != 0) {
                count += counts[b];
            }
        }
        return count;
    }

    /** The mean of the returns in the blocks whose bits are set in {@code blockMask}. */
    double combinedMean(long blockMask) {
        double sum = 0;
        for (int b = 0; b < counts.length; b++) {
            if ((blockMask & 1L << b) != 0) {
                sum += sums[b];
            }
        }
        return sum / combinedCount(blockMask);
    }

    /** The sample standard deviation of the returns in the blocks whose bits are set in {@code blockMask}. */
    double combinedStandardDeviation(long blockMask) {
        double sum = 0;
        double sumOfSquares = 0;
        for (int b = 0; b < counts.length; b++) {
            if ((blockMask & 1L << b) != 0) {
                sum += sums[b];
                sumOfSquares += sumsOfSquares[b];
            }
        }
        return standardDeviation(combinedCount(blockMask), sum, sumOfSquares);
    }

    static double standardDeviation(long count, double sum, double sumOfSquares) {
        // Rounding can leave a tiny negative difference for returns that do not vary.
        return Math.sqrt(Math.max(0, (sumOfSquares - sum * sum / count) / (count - 1)));
    }

    /**
     * The Sharpe ratio per bar of returns given by their moments: mean over sample standard deviation. Returns that do
     * not vary have a Sharpe ratio of 0 when their mean is 0 (a trial that never trades) and otherwise an infinite one
     * of the mean's sign, so that every trial can be ranked.
     */
    static double sharpe(long count, double sum, double sumOfSquares) {
        double deviation = standardDeviation(count, sum, sumOfSquares);
        if (deviation > 0) {
            return sum / count / deviation;
        }
        return sum == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, sum);
    }
}
