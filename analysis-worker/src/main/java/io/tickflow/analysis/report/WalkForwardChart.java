package io.tickflow.analysis.report;

import io.tickflow.common.contract.analysis.WalkForwardResult;
import io.tickflow.common.contract.analysis.WalkForwardResult.Fold;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The walk-forward folds: above, a timeline of each fold's in-sample and out-of-sample windows; below, the objective
 * value each fold's parameters reached in sample and out of sample, side by side, so that a reader sees at once
 * whether what was learnt held up.
 */
final class WalkForwardChart {

    static final String IN_SAMPLE = "#7b9cc4";
    static final String OUT_OF_SAMPLE = "#e0913a";

    private static final double ROW = 18;
    private static final double ROW_GAP = 6;
    private static final double BARS_HEIGHT = 160;

    private WalkForwardChart() {}

    /** Draws {@code result}, writing objective values with {@code format}. */
    static void write(Markup out, WalkForwardResult result, Function<Double, String> format) {
        List<Fold> folds = result.folds();
        double timelineBottom = Plot.TOP + folds.size() * (ROW + ROW_GAP);
        double barsTop = timelineBottom + 56;
        double barsBottom = barsTop + BARS_HEIGHT;
        double height = barsBottom + 28;
        Plot plot = new Plot(
                "walk-forward-chart",
                "Walk-forward folds: windows and objective values in and out of sample",
                height,
                64,
                height - timelineBottom);
        long first = folds.stream()
                .mapToLong(f -> f.inSampleFrom().toEpochMilli())
                .min()
                .orElseThrow();
        long last = folds.stream()
                .mapToLong(f -> f.outOfSampleTo().toEpochMilli())
                .max()
                .orElseThrow();
        Scale time = plot.timeScale(first, last);
        DateTimeFormatter dates = Plot.format(last - first);
        plot.open(out);
        out.open("g", "class", "timeline");
        for (int i = 0; i < folds.size(); i++) {
            Fold fold = folds.get(i);
            double top = Plot.TOP + i * (ROW + ROW_GAP);
            out.element(
                    "text",
                    "Fold " + (i + 1),
                    "x",
                    Markup.coordinate(plot.left() - 6),
                    "y",
                    Markup.coordinate(top + ROW / 2),
                    "dy",
                    "0.32em",
                    "text-anchor",
                    "end");
            window(
                    out,
                    "in-sample",
                    IN_SAMPLE,
                    time,
                    top,
                    fold.inSampleFrom(),
                    fold.inSampleTo(),
                    "Fold " + (i + 1) + " in sample: " + span(dates, fold.inSampleFrom(), fold.inSampleTo()));
            window(
                    out,
                    "out-of-sample",
                    OUT_OF_SAMPLE,
                    time,
                    top,
                    fold.outOfSampleFrom(),
                    fold.outOfSampleTo(),
                    "Fold " + (i + 1) + " out of sample: " + span(dates, fold.outOfSampleFrom(), fold.outOfSampleTo()));
        }
        out.close("g");
        plot.timeAxis(out, time);
        bars(out, plot, folds, barsTop, barsBottom, format);
        plot.close(out);
    }

    private static void bars(
            Markup out, Plot plot, List<Fold> folds, double top, double bottom, Function<Double, String> format) {
        double min = 0;
        double max = 0;
        for (Fold fold : folds) {
            min = Math.min(
                    min,
                    Math.min(
                            fold.inSampleValue().doubleValue(),
                            fold.outOfSampleValue().doubleValue()));
            max = Math.max(
                    max,
                    Math.max(
                            fold.inSampleValue().doubleValue(),
                            fold.outOfSampleValue().doubleValue()));
        }
        Scale y = Scale.nice(min, max, 4, bottom, top);
        plot.yAxis(out, y, y::label);
        double group = (Plot.RIGHT - plot.left()) / folds.size();
        double bar = Math.min(group * 0.3, 48);
        double zero = y.map(0);
        out.open("g", "class", "values");
        for (int i = 0; i < folds.size(); i++) {
            Fold fold = folds.get(i);
            double centre = plot.left() + (i + 0.5) * group;
            valueBar(
                    out,
                    "in-sample",
                    IN_SAMPLE,
                    centre - bar,
                    bar,
                    zero,
                    y.map(fold.inSampleValue().doubleValue()),
                    "Fold " + (i + 1) + " in sample: "
                            + format.apply(fold.inSampleValue().doubleValue()));
            valueBar(
                    out,
                    "out-of-sample",
                    OUT_OF_SAMPLE,
                    centre,
                    bar,
                    zero,
                    y.map(fold.outOfSampleValue().doubleValue()),
                    "Fold " + (i + 1) + " out of sample: "
                            + format.apply(fold.outOfSampleValue().doubleValue()));
            out.element(
                    "text",
                    "Fold " + (i + 1),
                    "x",
                    Markup.coordinate(centre),
                    "y",
                    Markup.coordinate(bottom + 18),
                    "text-anchor",
                    "middle");
        }
        out.empty(
                "line",
                "class",
                "zero",
                "x1",
                Markup.coordinate(plot.left()),
                "x2",
                Markup.coordinate(Plot.RIGHT),
                "y1",
                Markup.coordinate(zero),
                "y2",
                Markup.coordinate(zero));
        out.close("g");
        double keyY = top - 22;
        out.open("g", "class", "legend");
        key(out, IN_SAMPLE, "In sample", plot.left(), keyY);
        key(out, OUT_OF_SAMPLE, "Out of sample", plot.left() + 96, keyY);
        out.close("g");
    }

    private static void window(
            Markup out, String kind, String colour, Scale time, double top, Instant from, Instant to, String title) {
        double x = time.map(from.toEpochMilli());
        out.open(
                        "rect",
                        "class",
                        kind,
                        "x",
                        Markup.coordinate(x),
                        "y",
                        Markup.coordinate(top),
                        "width",
                        Markup.coordinate(Math.max(1, time.map(to.toEpochMilli()) - x)),
                        "height",
                        Markup.coordinate(ROW),
                        "fill",
                        colour)
                .element("title", title)
                .close("rect");
    }

    private static void valueBar(
            Markup out, String kind, String colour, double x, double width, double zero, double end, String title) {
        out.open(
                        "rect",
                        "class",
                        kind,
                        "x",
                        Markup.coordinate(x),
                        "y",
                        Markup.coordinate(Math.min(zero, end)),
                        "width",
                        Markup.coordinate(width),
                        "height",
                        Markup.coordinate(Math.abs(end - zero)),
                        "fill",
                        colour)
                .element("title", title)
                .close("rect");
    }

    private static void key(Markup out, String colour, String text, double x, double y) {
        out.empty(
                "rect",
                "x",
                Markup.coordinate(x),
                "y",
                Markup.coordinate(y - 5),
                "width",
                "10",
                "height",
                "10",
                "fill",
                colour);
        out.element("text", text, "x", Markup.coordinate(x + 14), "y", Markup.coordinate(y), "dy", "0.32em");
    }

    private static String span(DateTimeFormatter dates, Instant from, Instant to) {
        return dates.format(from) + " – " + dates.format(to);
    }
}
