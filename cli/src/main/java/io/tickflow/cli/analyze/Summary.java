package io.tickflow.cli.analyze;

import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.WalkForwardResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What {@code analyze} prints when a study completes: the best parameters, how good they are and where the report is. */
final class Summary {

    /** The metrics a reader looks for first, in this order; any others follow by name. */
    private static final List<String> KEY_METRICS = List.of(
            "sharpe", "sortino", "calmar", "cagr", "totalReturn", "maxDrawdown", "winRate", "profitFactor", "trades");

    private static final int DECIMALS = 4;
    private static final String LABEL = "%-18s%s%n";

    private Summary() {}

    /**
     * The summary of {@code completed}, the answer to {@code request}.
     *
     * @param bucket the data bucket the report key is in
     */
    static String of(AnalysisRequest request, AnalysisCompleted completed, String bucket) {
        StringBuilder text = new StringBuilder();
        line(text, "Strategy", completed.strategy());
        line(
                text,
                "Instrument",
                completed.symbol() + " at " + completed.venue() + ", "
                        + completed.interval().wireName() + " candles");
        line(text, "Period", time(request.from()) + " to " + time(request.to()));
        line(text, "Job", completed.jobId());
        line(
                text,
                "Trials",
                completed.trials() + " (" + request.optimizer().method().wireName() + ")");
        line(text, "Best parameters", parameters(completed.bestParameters()));
        line(text, "Objective", completed.objective().wireName() + " " + number(completed.objectiveValue()));

        text.append(String.format(Locale.ROOT, "%nMetrics%n"));
        for (Map.Entry<String, BigDecimal> metric : ordered(completed.metrics()).entrySet()) {
            line(text, "  " + metric.getKey(), number(metric.getValue()));
        }

        WalkForwardResult walkForward = completed.walkForward();
        text.append(String.format(
                Locale.ROOT,
                "%nWalk-forward      %d fold%s (%s, %s in sample), efficiency %s%n",
                walkForward.folds().size(),
                walkForward.folds().size() == 1 ? "" : "s",
                request.walkForward().mode().wireName(),
                percent(request.walkForward().inSampleFraction()),
                walkForward.efficiency() == null
                        ? "not estimated (the in-sample mean is not positive)"
                        : number(walkForward.efficiency())));
        String objective = completed.objective().wireName();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"fold", "in sample", "out of sample", "IS " + objective, "OOS " + objective, "parameters"
        });
        int fold = 1;
        for (WalkForwardResult.Fold f : walkForward.folds()) {
            rows.add(new String[] {
                Integer.toString(fold++),
                time(f.inSampleFrom()) + " to " + time(f.inSampleTo()),
                time(f.outOfSampleFrom()) + " to " + time(f.outOfSampleTo()),
                number(f.inSampleValue()),
                number(f.outOfSampleValue()),
                parameters(f.parameters())
            });
        }
        table(text, rows);

        text.append(System.lineSeparator());
        line(text, "Deflated Sharpe", optional(completed.deflatedSharpe()));
        line(text, "PBO", optional(completed.probabilityOfOverfitting()) + " (probability of backtest overfitting)");
        line(text, "Report", "s3://" + bucket + "/" + completed.reportKey());
        if (completed.reportUrl() != null) {
            line(text, "", completed.reportUrl().toString());
        }
        return text.toString();
    }

    /** A decimal for a person: at most four decimals, no trailing zeros. */
    static String number(BigDecimal value) {
        BigDecimal shown = value.scale() > DECIMALS ? value.setScale(DECIMALS, RoundingMode.HALF_EVEN) : value;
        return shown.stripTrailingZeros().toPlainString();
    }

    private static String optional(@Nullable BigDecimal value) {
        return value == null ? "not estimated" : number(value);
    }

    private static String percent(BigDecimal fraction) {
        return number(fraction.movePointRight(2)) + "%";
    }

    /** A date alone when the time is midnight UTC, as periods usually are; else the instant. */
    private static String time(Instant instant) {
        String iso = instant.toString();
        return iso.endsWith("T00:00:00Z") ? iso.substring(0, iso.indexOf('T')) : iso;
    }

    private static String parameters(Map<String, BigDecimal> parameters) {
        return parameters.isEmpty()
                ? "the strategy's defaults"
                : parameters.entrySet().stream()
                        .map(p -> p.getKey() + "="
                                + p.getValue().stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(", "));
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> metrics) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        KEY_METRICS.stream().filter(metrics::containsKey).forEach(name -> ordered.put(name, metrics.get(name)));
        metrics.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, LABEL, label, value));
    }

    private static void table(StringBuilder text, List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(
                        i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }
}
