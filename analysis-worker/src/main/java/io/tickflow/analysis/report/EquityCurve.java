package io.tickflow.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The growth of one unit of capital over a study's period, for the best parameters and for buying and holding, both
 * starting at 1.0. A report keeps a thinned curve ({@link #downsample}) so that its JSON and its chart stay small
 * whatever the number of bars.
 *
 * @param times the time of each point, in epoch milliseconds, strictly increasing
 * @param strategy the strategy's equity at each time
 * @param buyAndHold the buy-and-hold equity at each time
 */
public record EquityCurve(List<Long> times, List<Double> strategy, List<Double> buyAndHold) {

    /** How many points {@link #downsample(long[], double[], double[])} keeps at most. */
    public static final int DEFAULT_MAX_POINTS = 1_000;

    /** Each bucket keeps its first and last point and the lowest and highest point of each series. */
    private static final int POINTS_PER_BUCKET = 6;

    public EquityCurve {
        times = List.copyOf(Objects.requireNonNull(times, "times"));
        strategy = List.copyOf(Objects.requireNonNull(strategy, "strategy"));
        buyAndHold = List.copyOf(Objects.requireNonNull(buyAndHold, "buyAndHold"));
        if (times.isEmpty() || strategy.size() != times.size() || buyAndHold.size() != times.size()) {
            throw new IllegalArgumentException(
                    "An equity curve has at least one point and a value of each series per" + " time: " + times.size()
                            + " times, " + strategy.size() + " and " + buyAndHold.size() + " values");
        }
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) <= times.get(i - 1)) {
                throw new IllegalArgumentException("Equity times increase strictly: " + times.get(i - 1) + " then "
                        + times.get(i) + " at point " + i);
            }
        }
        for (int i = 0; i < times.size(); i++) {
            if (!Double.isFinite(strategy.get(i)) || !Double.isFinite(buyAndHold.get(i))) {
                throw new IllegalArgumentException(
                        "Equity values are finite; point " + i + " is " + strategy.get(i) + ", " + buyAndHold.get(i));
            }
        }
        if (strategy.getFirst() != 1.0 || buyAndHold.getFirst() != 1.0) {
            throw new IllegalArgumentException(
                    "Both curves start at 1.0: " + strategy.getFirst() + ", " + buyAndHold.getFirst());
        }
    }

    /** {@link #downsample(long[], double[], double[], int)} to at most {@value #DEFAULT_MAX_POINTS} points. */
    public static EquityCurve downsample(long[] times, double[] strategy, double[] buyAndHold) {
        return downsample(times, strategy, buyAndHold, DEFAULT_MAX_POINTS);
    }

    /**
     * Thins a full-resolution curve to at most {@code maxPoints} points without flattening it: the points are cut into
     * equal buckets and each bucket keeps its first and last point and the points where either series is lowest and
     * highest, so every peak and trough that would show on a chart, the global minimum and maximum among them, is kept.
     * A curve of at most {@code maxPoints} points is kept whole.
     *
     * @param maxPoints the most points to keep, at least {@value #POINTS_PER_BUCKET} (one bucket)
     */
    public static EquityCurve downsample(long[] times, double[] strategy, double[] buyAndHold, int maxPoints) {
        int n = times.length;
        if (strategy.length != n || buyAndHold.length != n) {
            throw new IllegalArgumentException("One value of each series per time: " + n + " times, " + strategy.length
                    + " and " + buyAndHold.length + " values");
        }
        if (maxPoints < POINTS_PER_BUCKET) {
            throw new IllegalArgumentException(
                    "A downsampled curve keeps at least " + POINTS_PER_BUCKET + " points: " + maxPoints);
        }
        if (n <= maxPoints) {
            return of(times, strategy, buyAndHold, allIndices(n));
        }
        int buckets = maxPoints / POINTS_PER_BUCKET;
        int[] kept = new int[buckets * POINTS_PER_BUCKET];
        int size = 0;
        int[] picks = new int[POINTS_PER_BUCKET];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            picks[0] = from;
            picks[1] = to - 1;
            picks[2] = argMin(strategy, from, to);
            picks[3] = argMax(strategy, from, to);
            picks[4] = argMin(buyAndHold, from, to);
            picks[5] = argMax(buyAndHold, from, to);
            Arrays.sort(picks);
            for (int i = 0; i < POINTS_PER_BUCKET; i++) {
                if (i == 0 || picks[i] != picks[i - 1]) {
                    kept[size++] = picks[i];
                }
            }
        }
        return of(times, strategy, buyAndHold, Arrays.copyOf(kept, size));
    }

    /** How many points the curve has. */
    public int size() {
        return times.size();
    }

    private static EquityCurve of(long[] times, double[] strategy, double[] buyAndHold, int[] indices) {
        List<Long> t = new ArrayList<>(indices.length);
        List<Double> s = new ArrayList<>(indices.length);
        List<Double> h = new ArrayList<>(indices.length);
        for (int i : indices) {
            t.add(times[i]);
            s.add(strategy[i]);
            h.add(buyAndHold[i]);
        }
        return new EquityCurve(t, s, h);
    }

    private static int[] allIndices(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static int argMin(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
