package io.tickflow.analysis.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.DoubleFunction;

/**
 * One chart's SVG element and the plot area inside its view box, with the axes most charts share. The view box is
 * {@value #WIDTH} units wide and the SVG scales to the page's width, so charts are drawn once for every screen.
 *
 * @param id the SVG element's id
 * @param title the chart's accessible title
 * @param height the view box height
 * @param left the plot area's left edge
 * @param bottomMargin the room below the plot area for labels
 */
record Plot(String id, String title, double height, double left, double bottomMargin) {

    static final double WIDTH = 800;
    static final double TOP = 16;
    static final double RIGHT = WIDTH - 16;

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A plot with the usual margins: room for tick labels on the left and one line of labels below. */
    static Plot of(String id, String title, double height) {
        return new Plot(id, title, height, 64, 28);
    }

    double bottom() {
        return height - bottomMargin;
    }

    void open(Markup out) {
        out.open(
                        "svg",
                        "id",
                        id,
                        "viewBox",
                        "0 0 " + Markup.coordinate(WIDTH) + " " + Markup.coordinate(height),
                        "role",
                        "img")
                .element("title", title);
    }

    void close(Markup out) {
        out.close("svg");
    }

    /** A scale for values {@code min..max} from the bottom of the plot area to its top. */
    Scale yScale(double min, double max) {
        return Scale.nice(min, max, 5, bottom(), TOP);
    }

    /** A scale from {@code fromMillis} to {@code toMillis} across the plot area. */
    Scale timeScale(long fromMillis, long toMillis) {
        long to = Math.max(toMillis, fromMillis + 1);
        return new Scale(fromMillis, to, to - fromMillis, left, RIGHT);
    }

    /** Horizontal grid lines at each tick of {@code y} with its label on the left. */
    void yAxis(Markup out, Scale y, DoubleFunction<String> label) {
        out.open("g", "class", "y-axis");
        for (double tick : y.ticks()) {
            String at = Markup.coordinate(y.map(tick));
            out.empty(
                    "line",
                    "class",
                    "grid",
                    "x1",
                    Markup.coordinate(left),
                    "x2",
                    Markup.coordinate(RIGHT),
                    "y1",
                    at,
                    "y2",
                    at);
            out.element(
                    "text",
                    label.apply(tick),
                    "x",
                    Markup.coordinate(left - 6),
                    "y",
                    at,
                    "dy",
                    "0.32em",
                    "text-anchor",
                    "end");
        }
        out.close("g");
    }

    /** Five dates under the plot area, at its ends and evenly between. */
    void timeAxis(Markup out, Scale x) {
        DateTimeFormatter format = format((long) (x.high() - x.low()));
        out.open("g", "class", "x-axis");
        int labels = 5;
        for (int i = 0; i < labels; i++) {
            double time = x.low() + (x.high() - x.low()) * i / (labels - 1);
            String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
            out.element(
                    "text",
                    format.format(Instant.ofEpochMilli(Math.round(time))),
                    "x",
                    Markup.coordinate(x.map(time)),
                    "y",
                    Markup.coordinate(bottom() + 18),
                    "text-anchor",
                    anchor);
        }
        out.close("g");
    }

    /** Dates as precise as a span of {@code millis} needs. */
    static DateTimeFormatter format(long millis) {
        long days = millis / 86_400_000L;
        return days >= 730 ? MONTH : days >= 2 ? DAY : MINUTE;
    }
}
