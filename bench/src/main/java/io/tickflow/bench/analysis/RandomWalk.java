package io.tickflow.bench.analysis;

import io.tickflow.analysis.engine.Bars;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The benchmarks' market: one-minute bars of a geometric random walk with no drift and a volatility of {@value
 * #VOLATILITY_PER_BAR} per bar (log returns drawn from a normal distribution), from a fixed seed so every run and both
 * engines see the same prices. Real data of this length is not at hand (the Bitstamp file holds 100,000 trades, a few
 * thousand minutes), and the engines' work per bar does not depend on where prices go.
 */
final class RandomWalk {

    /** The seed of every walk the benchmarks use. */
    static final long SEED = 20_131_125L;

    /** The standard deviation of one bar's log return: 0.2%. */
    static final double VOLATILITY_PER_BAR = 0.002;

    static final Duration BAR = Duration.ofMinutes(1);

    /** When the first bar opens: 2024-01-01T00:00:00Z. */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static final double FIRST_CLOSE = 100;

    private RandomWalk() {}

    /**
     * {@code size} bars of the walk. Each opens at the previous close; its high and low lie beyond the open and the
     * close by a further draw of a tenth of the volatility, and its volume is positive and random.
     */
    static Bars bars(int size) {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] openTimes = new long[size];
        double[] open = new double[size];
        double[] high = new double[size];
        double[] low = new double[size];
        double[] close = new double[size];
        double[] volume = new double[size];
        double previous = FIRST_CLOSE;
        long start = START.toEpochMilli();
        for (int i = 0; i < size; i++) {
            double next = previous * Math.exp(VOLATILITY_PER_BAR * random.nextGaussian());
            openTimes[i] = start + i * BAR.toMillis();
            open[i] = previous;
            close[i] = next;
            high[i] = Math.max(previous, next) * (1 + Math.abs(random.nextGaussian()) * VOLATILITY_PER_BAR / 10);
            low[i] = Math.min(previous, next) * (1 - Math.abs(random.nextGaussian()) * VOLATILITY_PER_BAR / 10);
            volume[i] = 1 + 10 * random.nextDouble();
            previous = next;
        }
        return Bars.of(openTimes, open, high, low, close, volume, BAR.toMillis());
    }

    /** The same bars as a ta4j series computing in doubles ({@code DoubleNum}), as analysis-worker's tests build it. */
    static BarSeries ta4j(Bars bars) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName("random walk")
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(bars.intervalMillis());
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder()
                    .timePeriod(period)
                    .endTime(Instant.ofEpochMilli(bars.openTimes()[i]).plus(period))
                    .openPrice(bars.open()[i])
                    .highPrice(bars.high()[i])
                    .lowPrice(bars.low()[i])
                    .closePrice(bars.close()[i])
                    .volume(bars.volume()[i])
                    .add();
        }
        return series;
    }
}
