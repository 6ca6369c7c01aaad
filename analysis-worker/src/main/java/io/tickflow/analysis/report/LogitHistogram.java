package io.tickflow.analysis.report;

import java.util.List;

/**
 * A small histogram of the PBO logits. Each logit says where the in-sample best parameter set ranked out of sample
 * in one split of the period: below zero it ranked below the median. The bins are symmetric around zero so that the
 * share of the area left of zero, drawn red, is the probability of overfitting.
 */
final class LogitHistogram {

    static final String OVERFIT = "#d6604d";
    static final String HELD = "#4393c3";

    private LogitHistogram() {}

    static void write(Markup out, List<Double> logits) {
        double reach = 0;
        for (double logit : logits) {
            reach = Math.max(reach, Math.abs(logit));
        }
        reach = reach == 0 ? 1 : reach;
        int half = Math.clamp((long) Math.ceil(Math.sqrt(logits.size()) / 2), 3, 10);
        int bins = 2 * half;
        double width = reach / half;
        int[] counts = new int[bins];
        for (double logit : logits) {
            counts[Math.clamp((long) Math.floor(logit / width) + half, 0, bins - 1)]++;
        }
        int most = 0;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        Plot plot = Plot.of("pbo-histogram", "Histogram of the PBO logits", 180);
        Scale x = Scale.nice(-reach, reach, 6, plot.left(), Plot.RIGHT);
        Scale y = plot.yScale(0, Math.max(most, 4));
        plot.open(out);
        plot.yAxis(out, y, y::label);
        out.open("g", "class", "bins");
        for (int i = 0; i < bins; i++) {
            double from = (i - half) * width;
            double left = x.map(from);
            double top = y.map(counts[i]);
            out.open(
                            "rect",
                            "class",
                            i < half ? "bin overfit" : "bin",
                            "x",
                            Markup.coordinate(left),
                            "y",
                            Markup.coordinate(top),
                            "width",
                            Markup.coordinate(x.map(from + width) - left - 1),
                            "height",
                            Markup.coordinate(y.map(0) - top),
                            "fill",
                            i < half ? OVERFIT : HELD)
                    .element(
                            "title",
                            counts[i] + " of " + logits.size() + " splits with a logit from " + MetricFormat.plain(from)
                                    + " to " + MetricFormat.plain(from + width))
                    .close("rect");
        }
        out.close("g");
        out.open("g", "class", "x-axis");
        for (double tick : x.ticks()) {
            out.element(
                    "text",
                    x.label(tick),
                    "x",
                    Markup.coordinate(x.map(tick)),
                    "y",
                    Markup.coordinate(plot.bottom() + 18),
                    "text-anchor",
                    "middle");
        }
        String zero = Markup.coordinate(x.map(0));
        out.empty(
                "line",
                "class",
                "zero",
                "x1",
                zero,
                "x2",
                zero,
                "y1",
                Markup.coordinate(Plot.TOP),
                "y2",
                Markup.coordinate(plot.bottom()));
        out.close("g");
        plot.close(out);
    }
}
