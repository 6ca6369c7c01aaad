package io.tickflow.analysis.report;

import java.util.Arrays;
import java.util.List;

/**
 * The equity curve against buying and holding, and the strategy's drawdown below it, on the same time axis. The
 * equity axis is linear: a study's period rarely multiplies capital so much that a log scale reads better, and a
 * linear one lets a reader compare the two curves' gains directly.
 */
final class EquityCharts {

    private EquityCharts() {}

    static void equity(Markup out, EquityCurve curve) {
        Plot plot = Plot.of("equity-chart", "Equity of the best parameters against buy and hold", 320);
        List<Long> times = curve.times();
        Scale x = plot.timeScale(times.getFirst(), times.getLast());
        double min = Math.min(min(curve.strategy()), min(curve.buyAndHold()));
        double max = Math.max(max(curve.strategy()), max(curve.buyAndHold()));
        Scale y = plot.yScale(min, max);
        plot.open(out);
        plot.yAxis(out, y, y::label);
        plot.timeAxis(out, x);
        out.empty("polyline", "class", "buy-and-hold", "points", points(times, curve.buyAndHold(), x, y));
        out.empty("polyline", "class", "strategy", "points", points(times, curve.strategy(), x, y));
        legend(out, plot);
        plot.close(out);
    }

    static void drawdown(Markup out, EquityCurve curve) {
        Plot plot = Plot.of("drawdown-chart", "Drawdown of the best parameters from their running peak", 200);
        List<Long> times = curve.times();
        List<Double> drawdown = drawdowns(curve.strategy());
        Scale x = plot.timeScale(times.getFirst(), times.getLast());
        Scale y = plot.yScale(Math.min(min(drawdown), -0.01), 0);
        plot.open(out);
        plot.yAxis(out, y, y::percentLabel);
        plot.timeAxis(out, x);
        String zero = Markup.coordinate(y.map(0));
        String area = Markup.coordinate(x.map(times.getFirst())) + "," + zero + " " + points(times, drawdown, x, y)
                + " " + Markup.coordinate(x.map(times.getLast())) + "," + zero;
        out.empty("polygon", "class", "drawdown", "points", area);
        plot.close(out);
    }

    /** How far below its running peak the equity stands at each point, {@code -0.25} for 25% below. */
    static List<Double> drawdowns(List<Double> equity) {
        double[] drawdown = new double[equity.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < drawdown.length; i++) {
            peak = Math.max(peak, equity.get(i));
            drawdown[i] = peak > 0 ? equity.get(i) / peak - 1 : 0;
        }
        return Arrays.stream(drawdown).boxed().toList();
    }

    private static String points(List<Long> times, List<Double> values, Scale x, Scale y) {
        StringBuilder points = new StringBuilder(values.size() * 12);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(Markup.coordinate(x.map(times.get(i))))
                    .append(',')
                    .append(Markup.coordinate(y.map(values.get(i))));
        }
        return points.toString();
    }

    private static void legend(Markup out, Plot plot) {
        double x = plot.left() + 8;
        out.open("g", "class", "legend");
        out.empty(
                "line",
                "class",
                "strategy-key",
                "x1",
                Markup.coordinate(x),
                "x2",
                Markup.coordinate(x + 18),
                "y1",
                "24",
                "y2",
                "24");
        out.element("text", "Strategy", "x", Markup.coordinate(x + 24), "y", "24", "dy", "0.32em");
        out.empty(
                "line",
                "class",
                "hold-key",
                "x1",
                Markup.coordinate(x + 90),
                "x2",
                Markup.coordinate(x + 108),
                "y1",
                "24",
                "y2",
                "24");
        out.element("text", "Buy and hold", "x", Markup.coordinate(x + 114), "y", "24", "dy", "0.32em");
        out.close("g");
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
