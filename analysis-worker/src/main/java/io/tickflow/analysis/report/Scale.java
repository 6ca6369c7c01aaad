package io.tickflow.analysis.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to view-box units with round tick values ({@code 0.8, 1.0, 1.2}), its domain widened
 * to the ticks just outside the data so that the lowest and highest value always lie on the chart.
 *
 * @param low the lowest value shown, a tick
 * @param high the highest value shown, a tick
 * @param step the distance between ticks
 * @param from the view-box coordinate of {@code low}
 * @param to the view-box coordinate of {@code high}
 */
record Scale(double low, double high, double step, double from, double to) {

    /** A scale holding {@code min..max} with about {@code ticks} round ticks, mapped onto {@code from..to}. */
    static Scale nice(double min, double max, int ticks, double from, double to) {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("A scale spans finite values, min first: " + min + ", " + max);
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        double step = roundStep((max - min) / Math.max(1, ticks));
        double low = Math.floor(min / step) * step;
        double high = Math.ceil(max / step) * step;
        // Rounding in floor(min / step) * step can land an ulp inside the data; the data must stay on the chart.
        return new Scale(low > min ? low - step : low, high < max ? high + step : high, step, from, to);
    }

    /** The view-box coordinate of {@code value}. */
    double map(double value) {
        return from + (value - low) / (high - low) * (to - from);
    }

    /** The tick values, {@code low} to {@code high}. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((high - low) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(low + i * step);
        }
        return ticks;
    }

    /** A tick value written with as many decimals as the step needs. */
    String label(double tick) {
        return BigDecimal.valueOf(tick)
                .setScale(decimals(), RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A tick value as a percentage ({@code 0.25} is {@code 25%}) with as many decimals as the step needs. */
    String percentLabel(double tick) {
        return BigDecimal.valueOf(tick)
                        .movePointRight(2)
                        .setScale(Math.max(0, decimals() - 2), RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }

    private int decimals() {
        return Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
    }

    /** 1, 2, 2.5 or 5 times a power of ten: the round step nearest above {@code raw}. */
    private static double roundStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        for (String multiple : new String[] {"1", "2", "2.5", "5", "10"}) {
            // Decimal arithmetic, so that a step of 0.0025 is exactly the double nearest 0.0025 and labels stay short.
            double step = new BigDecimal(multiple).scaleByPowerOfTen(exponent).doubleValue();
            if (step >= raw * (1 - 1e-9)) {
                return step;
            }
        }
        return BigDecimal.ONE.scaleByPowerOfTen(exponent + 1).doubleValue();
    }
}
