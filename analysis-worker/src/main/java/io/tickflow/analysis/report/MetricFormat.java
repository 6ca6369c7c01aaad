package io.tickflow.analysis.report;

import io.tickflow.common.contract.analysis.Objective;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the page names and writes each backtest metric: returns, drawdowns and shares as percentages, ratios to two
 * decimals, counts whole. A metric the page does not know is listed last under its own name, to four decimals.
 */
final class MetricFormat {

    /** The order a reader scans a backtest in: what it made, how smoothly, what it cost, how it traded. */
    private static final Map<String, String> LABELS = orderedLabels();

    private static final Set<String> PERCENT =
            Set.of("totalReturn", "cagr", "volatility", "maxDrawdown", "winRate", "exposure");
    private static final Set<String> RATIO = Set.of("sharpe", "sortino", "calmar", "profitFactor");
    private static final Set<String> COUNT = Set.of("trades", "maxDrawdownBars");

    private MetricFormat() {}

    /** The metric an objective maximises, by its key in {@link StudyReport#metrics()}. */
    static String metricOf(Objective objective) {
        return switch (objective) {
            case SHARPE -> "sharpe";
            case SORTINO -> "sortino";
            case CALMAR -> "calmar";
            case CAGR -> "cagr";
            case PROFIT_FACTOR -> "profitFactor";
        };
    }

    /** The keys in reading order: the known metrics first, then the others by name. */
    static List<String> ordered(Set<String> keys) {
        List<String> ordered = new ArrayList<>();
        LABELS.keySet().stream().filter(keys::contains).forEach(ordered::add);
        new TreeSet<>(keys).stream().filter(key -> !LABELS.containsKey(key)).forEach(ordered::add);
        return ordered;
    }

    static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    static String format(String key, BigDecimal value) {
        if (PERCENT.contains(key)) {
            return value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (RATIO.contains(key)) {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (COUNT.contains(key)) {
            return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return plain(value);
    }

    /** A number to at most four decimals, without trailing zeros. */
    static String plain(BigDecimal value) {
        BigDecimal rounded = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** {@link #plain(BigDecimal)} for a double. */
    static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    private static Map<String, String> orderedLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("totalReturn", "Total return");
        labels.put("cagr", "CAGR");
        labels.put("volatility", "Volatility (annualised)");
        labels.put("sharpe", "Sharpe ratio");
        labels.put("sortino", "Sortino ratio");
        labels.put("calmar", "Calmar ratio");
        labels.put("maxDrawdown", "Max drawdown");
        labels.put("maxDrawdownBars", "Max drawdown length (bars)");
        labels.put("profitFactor", "Profit factor");
        labels.put("winRate", "Win rate");
        labels.put("trades", "Trades");
        labels.put("exposure", "Exposure");
        return Collections.unmodifiableMap(labels);
    }
}
