package io.tickflow.analysis.report;

import io.tickflow.common.contract.analysis.WalkForwardResult;
import io.tickflow.common.contract.analysis.WalkForwardResult.Fold;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The study report as one self-contained HTML page, for a person who opens it from a link: inline CSS and hand-drawn
 * inline SVG, no script, no external font, style sheet, image or link, so that it shows the same from S3, from a mail
 * attachment or from disk, years later. The page is well-formed XML too (every element closed, attributes quoted,
 * text escaped), which keeps it parseable by tests and tools.
 *
 * <p>It shows what was studied, the best parameters and their metrics, the equity curve against buying and holding
 * and its drawdown, the objective value over the parameter space, the walk-forward folds and the overfitting
 * statistics, each explained in a sentence.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final String STYLE =
            """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee4;--paper:#fff;--ground:#f3f5f8;--strategy:#1f5f99;\
            --hold:#9aa5b1;--loss:#b2182b}
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            color:var(--ink);background:var(--ground);line-height:1.45}
            main{max-width:1040px;margin:0 auto;padding:24px 16px 40px}
            h1{margin:0 0 4px;font-size:1.6rem}
            h2{font-size:1.1rem;margin:0 0 12px}
            .sub{color:var(--muted);margin:0}
            .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
            .tile{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
            .tile .k{display:block;color:var(--muted);font-size:.8rem}
            .tile .v{font-size:1.15rem;font-weight:600}
            section{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:16px;margin:16px 0}
            .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 16px}
            table{border-collapse:collapse;width:100%;font-size:.92rem}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}
            th{color:var(--muted);font-weight:600}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .note{color:var(--muted);font-size:.9rem}
            dt{font-weight:600;margin-top:8px}
            dd{margin:2px 0 8px}
            svg{display:block;width:100%;height:auto;margin:8px 0}
            svg text{font-size:11px;fill:var(--muted)}
            svg .axis-name{font-weight:600;fill:var(--ink)}
            .grid{stroke:var(--line);stroke-width:1}
            .zero{stroke:var(--ink);stroke-width:1}
            polyline{fill:none;stroke-width:1.5;stroke-linejoin:round}
            .strategy{stroke:var(--strategy)}
            .buy-and-hold{stroke:var(--hold)}
            .strategy-key{stroke:var(--strategy);stroke-width:3}
            .hold-key{stroke:var(--hold);stroke-width:3}
            .drawdown{fill:#eaa9b0;stroke:var(--loss);stroke-width:1}
            .cell{stroke:var(--paper);stroke-width:1}
            .cell.best{stroke:var(--ink);stroke-width:2}
            footer{color:var(--muted);font-size:.8rem;text-align:center}
            """;

    private HtmlReport() {}

    /** The page for {@code report}. */
    public static String render(StudyReport report) {
        Markup out = new Markup();
        out.raw("<!DOCTYPE html>\n");
        out.open("html", "lang", "en").open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.element("title", report.symbol() + " " + report.interval() + " " + report.strategy() + " study");
        out.open("style").raw(STYLE).close("style");
        out.close("head").open("body").open("main");
        header(out, report);
        equity(out, report);
        out.open("div", "class", "two");
        parameters(out, report);
        metrics(out, report);
        out.close("div");
        heatMap(out, report);
        walkForward(out, report);
        overfitting(out, report);
        out.open("footer")
                .element(
                        "p",
                        "Job " + report.jobId() + " · request " + report.requestId() + " · generated "
                                + TIME.format(report.generatedAt()))
                .close("footer");
        out.close("main").close("body").close("html");
        return out.toString();
    }

    private static void header(Markup out, StudyReport report) {
        out.open("header");
        out.element("h1", report.symbol() + " · " + report.venue() + " · " + report.interval());
        out.element(
                "p",
                report.strategy() + ", " + report.direction().wireName() + ", " + report.optimizer() + " search",
                "class",
                "sub");
        out.element(
                "p",
                TIME.format(report.from()) + " – " + TIME.format(report.to()) + " (" + report.bars() + " bars)",
                "class",
                "sub");
        out.open("div", "class", "tiles");
        String objective = MetricFormat.metricOf(report.objective());
        tile(out, MetricFormat.label(objective), MetricFormat.format(objective, report.objectiveValue()));
        tile(out, "Trials", Integer.toString(report.trials()));
        tile(
                out,
                "Costs per fill",
                report.costs().feeBps().toPlainString() + " bp fee + "
                        + report.costs().slippageBps().toPlainString() + " bp slippage");
        BigDecimal maxDrawdown = report.constraints().maxDrawdown();
        tile(
                out,
                "Constraints",
                "≥ " + report.constraints().minTrades() + " trades"
                        + (maxDrawdown == null
                                ? ""
                                : ", drawdown ≤ " + MetricFormat.format("maxDrawdown", maxDrawdown)));
        tile(out, "Generated", TIME.format(report.generatedAt()));
        out.close("div");
        out.close("header");
    }

    private static void tile(Markup out, String key, String value) {
        out.open("div", "class", "tile")
                .element("span", key, "class", "k")
                .element("span", value, "class", "v")
                .close("div");
    }

    private static void equity(Markup out, StudyReport report) {
        out.open("section", "id", "equity").element("h2", "Equity and drawdown");
        out.element(
                "p",
                "Growth of 1 unit of capital with the best parameters (blue) against buying and holding (grey), after"
                        + " costs; below, how far the strategy stood under its previous peak.",
                "class",
                "note");
        EquityCharts.equity(out, report.equity());
        EquityCharts.drawdown(out, report.equity());
        out.close("section");
    }

    private static void parameters(Markup out, StudyReport report) {
        out.open("section", "id", "parameters").element("h2", "Best parameters");
        if (report.bestParameters().isEmpty()) {
            out.element("p", "The strategy has no parameters.", "class", "note");
        } else {
            out.open("table").open("tbody");
            report.bestParameters().forEach((name, value) -> row(out, name, value.toPlainString()));
            out.close("tbody").close("table");
        }
        out.close("section");
    }

    private static void metrics(Markup out, StudyReport report) {
        out.open("section", "id", "metrics").element("h2", "Metrics over the whole period");
        out.open("table").open("tbody");
        for (String key : MetricFormat.ordered(report.metrics().keySet())) {
            row(
                    out,
                    MetricFormat.label(key),
                    MetricFormat.format(key, report.metrics().get(key)));
        }
        out.close("tbody").close("table");
        out.close("section");
    }

    private static void row(Markup out, String name, String value) {
        out.open("tr")
                .element("th", name, "scope", "row")
                .element("td", value, "class", "num")
                .close("tr");
    }

    private static void heatMap(Markup out, StudyReport report) {
        out.open("section", "id", "trials").element("h2", "Objective over the parameters");
        long infeasible =
                report.trialPoints().stream().filter(t -> !t.feasible()).count();
        Optional<HeatMap> map = HeatMap.of(report.trialPoints());
        if (map.isEmpty()) {
            out.element(
                    "p",
                    "No parameter took more than one value in the "
                            + report.trialPoints().size() + " recorded trials, so there is no map to draw.",
                    "class",
                    "note");
        } else {
            out.element(
                    "p",
                    "Each cell holds the best " + MetricFormat.label(MetricFormat.metricOf(report.objective()))
                            + " reached with its values, whatever the other parameters were; blue is"
                            + " better, red worse, grey broke a constraint (" + infeasible + " of "
                            + report.trialPoints().size() + " trials). A broad blue region is more trustworthy than"
                            + " a lone blue cell.",
                    "class",
                    "note");
            map.get().write(out);
        }
        out.close("section");
    }

    private static void walkForward(Markup out, StudyReport report) {
        WalkForwardResult result = report.walkForward();
        String objective = MetricFormat.metricOf(report.objective());
        Function<Double, String> format = value -> MetricFormat.format(objective, BigDecimal.valueOf(value));
        out.open("section", "id", "walk-forward").element("h2", "Walk-forward check");
        BigDecimal efficiency = result.efficiency();
        out.element(
                "p",
                "In each fold the parameters were optimised on the in-sample window and then traded unchanged on the"
                        + " out-of-sample window after it. "
                        + (efficiency == null
                                ? "The efficiency (out-of-sample over in-sample mean) is not defined: the"
                                        + " in-sample mean is not positive."
                                : "Efficiency, the out-of-sample mean over the in-sample mean: "
                                        + efficiency
                                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                                .toPlainString()
                                        + " (near 1 held up; near 0 or below did not)."),
                "class",
                "note");
        WalkForwardChart.write(out, result, format);
        out.open("table")
                .open("thead")
                .open("tr")
                .element("th", "Fold")
                .element("th", "In sample")
                .element("th", "Out of sample")
                .element("th", "Parameters")
                .element("th", "In")
                .element("th", "Out")
                .close("tr")
                .close("thead")
                .open("tbody");
        for (int i = 0; i < result.folds().size(); i++) {
            Fold fold = result.folds().get(i);
            out.open("tr")
                    .element("td", Integer.toString(i + 1))
                    .element("td", TIME.format(fold.inSampleFrom()) + " – " + TIME.format(fold.inSampleTo()))
                    .element("td", TIME.format(fold.outOfSampleFrom()) + " – " + TIME.format(fold.outOfSampleTo()))
                    .element("td", parameters(fold.parameters()))
                    .element("td", MetricFormat.format(objective, fold.inSampleValue()), "class", "num")
                    .element("td", MetricFormat.format(objective, fold.outOfSampleValue()), "class", "num")
                    .close("tr");
        }
        out.close("tbody").close("table");
        out.close("section");
    }

    private static String parameters(Map<String, BigDecimal> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toPlainString())
                .collect(Collectors.joining(", "));
    }

    private static void overfitting(Markup out, StudyReport report) {
        out.open("section", "id", "overfitting").element("h2", "Overfitting");
        out.open("dl");
        statistic(
                out,
                "Deflated Sharpe ratio",
                report.deflatedSharpe(),
                "The confidence, from 0 to 1, that the best Sharpe ratio beats what the best of "
                        + report.trials()
                        + " tries would reach by luck alone (Bailey and López de Prado); above 0.95 is convincing.");
        statistic(
                out,
                "Probability of backtest overfitting",
                report.probabilityOfOverfitting(),
                "How often, across splits of the period, the parameter set that did best in one half ranked below"
                        + " the median in the other; below 0.5 is the least to ask, near 0 is good.");
        out.close("dl");
        if (!report.pboLogits().isEmpty()) {
            out.element(
                    "p",
                    "Logits of the in-sample best's out-of-sample rank, one per split: the red share, left of zero,"
                            + " is the probability of overfitting.",
                    "class",
                    "note");
            LogitHistogram.write(out, report.pboLogits());
        }
        out.close("section");
    }

    private static void statistic(Markup out, String name, @Nullable BigDecimal value, String explanation) {
        out.element("dt", name + ": " + (value == null ? "not estimated" : MetricFormat.plain(value)));
        out.element("dd", explanation);
    }
}
