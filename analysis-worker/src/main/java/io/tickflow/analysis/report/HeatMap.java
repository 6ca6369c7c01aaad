package io.tickflow.analysis.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objective value over the two parameters the trials varied most, one cell per pair of values holding the best
 * value reached there whatever the other parameters were (the objective is maximised). With one varied parameter the
 * map is a single row.
 *
 * <p>Colours diverge from a neutral middle: blue for better, red for worse, the best cell the deepest blue and the
 * worst the deepest red. The middle is zero when the values straddle it (a Sharpe ratio below zero lost money) and
 * the midpoint of the values otherwise. Cells whose trials all broke a constraint are grey; pairs never tried are
 * left empty. A parameter searched continuously (random, CMA-ES, genetic) has nearly as many values as trials, so
 * above {@value #MAX_VALUES} distinct values its axis is cut into {@value #BINS} equal ranges.
 */
final class HeatMap {

    static final String NEGATIVE = "#b2182b";
    static final String NEUTRAL = "#f7f7f7";
    static final String POSITIVE = "#2166ac";
    static final String INFEASIBLE = "#bdbdbd";

    private static final int MAX_VALUES = 30;
    private static final int BINS = 20;
    private static final double LEFT = 96;
    private static final double TOP = 28;
    private static final double LEGEND = 96;
    private static final double ROW = 26;

    private final Axis x;
    private final Axis y;
    private final double[][] best;
    private final int[][] count;
    private final double low;
    private final double high;
    private final double middle;

    private HeatMap(Axis x, Axis y, double[][] best, int[][] count) {
        this.x = x;
        this.y = y;
        this.best = best;
        this.count = count;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] column : best) {
            for (double value : column) {
                if (!Double.isNaN(value)) {
                    lo = Math.min(lo, value);
                    hi = Math.max(hi, value);
                }
            }
        }
        this.low = lo;
        this.high = hi;
        this.middle = lo < 0 && hi > 0 ? 0 : (lo + hi) / 2;
    }

    /** The map of {@code trials}, or empty when no parameter took more than one value. */
    static Optional<HeatMap> of(List<TrialPoint> trials) {
        Map<String, SortedSet<BigDecimal>> distinct = new TreeMap<>();
        for (TrialPoint trial : trials) {
            trial.parameters().forEach((name, value) -> distinct.computeIfAbsent(name, n -> new TreeSet<>())
                    .add(value));
        }
        List<Axis> axes = distinct.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .sorted(Comparator.comparingInt((Map.Entry<String, SortedSet<BigDecimal>> e) ->
                        -e.getValue().size()))
                .limit(2)
                .map(e -> Axis.of(e.getKey(), e.getValue()))
                .toList();
        if (axes.isEmpty()) {
            return Optional.empty();
        }
        Axis x = axes.get(0);
        Axis y = axes.size() > 1 ? axes.get(1) : Axis.SINGLE;
        double[][] best = new double[x.size()][y.size()];
        int[][] count = new int[x.size()][y.size()];
        for (double[] column : best) {
            Arrays.fill(column, Double.NaN);
        }
        for (TrialPoint trial : trials) {
            BigDecimal xValue = trial.parameters().get(x.name());
            BigDecimal yValue =
                    y == Axis.SINGLE ? BigDecimal.ZERO : trial.parameters().get(y.name());
            if (xValue == null || yValue == null) {
                continue;
            }
            int i = x.index(xValue);
            int j = y == Axis.SINGLE ? 0 : y.index(yValue);
            count[i][j]++;
            if (trial.feasible() && (Double.isNaN(best[i][j]) || trial.value() > best[i][j])) {
                best[i][j] = trial.value();
            }
        }
        return Optional.of(new HeatMap(x, y, best, count));
    }

    void write(Markup out) {
        double width = Plot.RIGHT - LEFT - LEGEND;
        double cellWidth = width / x.size();
        double mapHeight = Math.max(ROW * y.size(), y == Axis.SINGLE ? ROW : 0);
        double bottom = TOP + mapHeight;
        double legendHeight = Math.max(mapHeight, 90);
        double height = TOP + Math.max(mapHeight + 48, legendHeight + 36);
        new Plot(
                        "heat-map",
                        "Best objective value over " + x.name() + (y == Axis.SINGLE ? "" : " and " + y.name()),
                        height,
                        LEFT,
                        height - bottom)
                .open(out);
        out.open("g", "class", "cells");
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < y.size(); j++) {
                if (count[i][j] == 0) {
                    continue;
                }
                // Rows go up as the second parameter grows, like a chart's y axis.
                double top = bottom - (j + 1) * ROW;
                double value = best[i][j];
                boolean feasible = !Double.isNaN(value);
                String where =
                        x.name() + " " + x.label(i) + (y == Axis.SINGLE ? "" : ", " + y.name() + " " + y.label(j));
                String tooltip = feasible
                        ? where + ": " + MetricFormat.plain(value) + " (best of " + count[i][j] + " trial"
                                + (count[i][j] == 1 ? ")" : "s)")
                        : where + ": infeasible (" + count[i][j] + " trial" + (count[i][j] == 1 ? ")" : "s)");
                out.open(
                                "rect",
                                "class",
                                feasible && value == high ? "cell best" : "cell",
                                "x",
                                Markup.coordinate(LEFT + i * cellWidth),
                                "y",
                                Markup.coordinate(top),
                                "width",
                                Markup.coordinate(cellWidth),
                                "height",
                                Markup.coordinate(ROW),
                                "fill",
                                feasible ? colour(value) : INFEASIBLE)
                        .element("title", tooltip)
                        .close("rect");
            }
        }
        out.close("g");
        axes(out, cellWidth, bottom);
        legend(out, legendHeight);
        out.close("svg");
    }

    /** The fill of a feasible cell holding {@code value}. */
    String colour(double value) {
        if (value >= middle) {
            return mix(NEUTRAL, POSITIVE, high == middle ? 1 : (value - middle) / (high - middle));
        }
        return mix(NEUTRAL, NEGATIVE, (middle - value) / (middle - low));
    }

    private void axes(Markup out, double cellWidth, double bottom) {
        out.open("g", "class", "x-axis");
        int every = (x.size() + 15) / 16;
        for (int i = 0; i < x.size(); i += every) {
            out.element(
                    "text",
                    x.tick(i),
                    "x",
                    Markup.coordinate(LEFT + (i + 0.5) * cellWidth),
                    "y",
                    Markup.coordinate(bottom + 16),
                    "text-anchor",
                    "middle");
        }
        out.element(
                "text",
                x.name(),
                "class",
                "axis-name",
                "x",
                Markup.coordinate(LEFT + x.size() * cellWidth / 2),
                "y",
                Markup.coordinate(bottom + 36),
                "text-anchor",
                "middle");
        out.close("g");
        if (y == Axis.SINGLE) {
            return;
        }
        out.open("g", "class", "y-axis");
        for (int j = 0; j < y.size(); j++) {
            out.element(
                    "text",
                    y.tick(j),
                    "x",
                    Markup.coordinate(LEFT - 6),
                    "y",
                    Markup.coordinate(bottom - (j + 0.5) * ROW),
                    "dy",
                    "0.32em",
                    "text-anchor",
                    "end");
        }
        out.element(
                "text",
                y.name(),
                "class",
                "axis-name",
                "x",
                Markup.coordinate(LEFT - 6),
                "y",
                "16",
                "text-anchor",
                "end");
        out.close("g");
    }

    private void legend(Markup out, double legendHeight) {
        if (low > high) {
            return; // every cell infeasible: no scale to explain
        }
        double left = Plot.RIGHT - LEGEND + 24;
        double stop = high == low ? 0 : (high - middle) / (high - low) * 100;
        out.open("defs")
                .open("linearGradient", "id", "heat-scale", "x1", "0", "x2", "0", "y1", "0", "y2", "1")
                .empty("stop", "offset", "0%", "stop-color", POSITIVE)
                .empty("stop", "offset", String.format(Locale.ROOT, "%.1f%%", stop), "stop-color", NEUTRAL)
                .empty("stop", "offset", "100%", "stop-color", NEGATIVE)
                .close("linearGradient")
                .close("defs");
        out.open("g", "class", "legend");
        out.empty(
                "rect",
                "x",
                Markup.coordinate(left),
                "y",
                Markup.coordinate(TOP),
                "width",
                "12",
                "height",
                Markup.coordinate(legendHeight),
                "fill",
                "url(#heat-scale)");
        label(out, MetricFormat.plain(high), left + 16, TOP);
        if (middle != high && middle != low) {
            label(out, MetricFormat.plain(middle), left + 16, TOP + stop / 100 * legendHeight);
        }
        label(out, MetricFormat.plain(low), left + 16, TOP + legendHeight);
        out.close("g");
    }

    private static void label(Markup out, String text, double x, double y) {
        out.element("text", text, "x", Markup.coordinate(x), "y", Markup.coordinate(y), "dy", "0.32em");
    }

    private static String mix(String from, String to, double t) {
        double share = Math.clamp(t, 0, 1);
        int[] a = rgb(from);
        int[] b = rgb(to);
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(a[0] + (b[0] - a[0]) * share),
                Math.round(a[1] + (b[1] - a[1]) * share),
                Math.round(a[2] + (b[2] - a[2]) * share));
    }

    private static int[] rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new int[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
    }

    /** One side of the map: a parameter's distinct values, or equal ranges of them when there are too many. */
    private record Axis(String name, List<BigDecimal> values, int bins) {

        /** The one row of a map over a single parameter. */
        static final Axis SINGLE = new Axis("", List.of(BigDecimal.ZERO), 0);

        static Axis of(String name, SortedSet<BigDecimal> distinct) {
            return new Axis(name, List.copyOf(distinct), distinct.size() > MAX_VALUES ? BINS : 0);
        }

        int size() {
            return bins == 0 ? values.size() : bins;
        }

        int index(BigDecimal value) {
            if (bins == 0) {
                return Collections.binarySearch(values, value);
            }
            double share = (value.doubleValue() - min()) / (max() - min());
            return Math.min(bins - 1, (int) (share * bins));
        }

        /** The value or range of a cell, in full. */
        String label(int i) {
            if (bins == 0) {
                return values.get(i).toPlainString();
            }
            return MetricFormat.plain(edge(i)) + "–" + MetricFormat.plain(edge(i + 1));
        }

        /** The short form under a column or beside a row. */
        String tick(int i) {
            return bins == 0 ? values.get(i).toPlainString() : MetricFormat.plain(edge(i));
        }

        private double edge(int i) {
            return min() + (max() - min()) * i / bins;
        }

        private double min() {
            return values.getFirst().doubleValue();
        }

        private double max() {
            return values.getLast().doubleValue();
        }
    }
}
