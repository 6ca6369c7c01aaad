package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.analysis.engine.Bars;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

    private static Bars bars(int n) {
        long[] times = new long[n];
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 60_000L;
            prices[i] = 100 + 10 * Math.sin(i / 7.0) + (i % 5);
        }
        double[] high = prices.clone();
        double[] low = prices.clone();
        for (int i = 0; i < n; i++) {
            high[i] += 1;
            low[i] -= 1;
        }
        return Bars.of(times, prices, high, low, prices, new double[n], 60_000);
    }

    @Test
    void computesEachSeriesOnceForTheSameParameters() {
        Indicators indicators = Indicators.of(bars(200));
        assertThat(indicators.sma(10)).isSameAs(indicators.sma(10));
        assertThat(indicators.ema(10)).isSameAs(indicators.ema(10)).isNotSameAs(indicators.sma(10));
        assertThat(indicators.bollingerUpper(20, 2.0)).isSameAs(indicators.bollingerUpper(20, 2.0));
        assertThat(indicators.bollingerUpper(20, 2.0)).isNotSameAs(indicators.bollingerUpper(20, 2.5));
        assertThat(indicators.bollingerMiddle(20)).isSameAs(indicators.sma(20));
        assertThat(indicators.macdSignal(12, 26, 9)).isSameAs(indicators.macdSignal(12, 26, 9));
    }

    @Test
    void fitsSixteenMillionBarSeriesInTheDefaultBudget() {
        Bars million = bars(1_000_000);
        assertThat(Indicators.of(million).capacity()).isEqualTo(16);
    }

    @Test
    void keepsFourSeriesWhateverTheBudget() {
        assertThat(Indicators.of(bars(1000), 1).capacity()).isEqualTo(Indicators.MIN_SERIES);
        assertThat(Indicators.of(bars(1000), 80_000).capacity()).isEqualTo(10);
    }

    @Test
    void computesAnEvictedSeriesAgainWithTheSameValues() {
        Indicators indicators = Indicators.of(bars(1000), 1);
        double[] first = indicators.sma(2);
        double[] recent = indicators.sma(3);
        for (int period = 4; period <= 7; period++) {
            indicators.sma(period);
        }
        // sma(2) was the least recently used of six, sma(3) too, with room for four
        double[] again = indicators.sma(2);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(indicators.sma(7)).isSameAs(indicators.sma(7));
        assertThat(indicators.sma(3)).isNotSameAs(recent).isEqualTo(recent);
    }

    @Test
    void keepsTheMostRecentlyReadSeries() {
        Indicators indicators = Indicators.of(bars(1000), 1);
        double[] kept = indicators.sma(2);
        for (int period = 3; period <= 10; period++) {
            indicators.sma(period);
            assertThat(indicators.sma(2)).isSameAs(kept);
        }
    }

    @Test
    void threadsAskingAtOnceShareOneComputation() throws Exception {
        Indicators indicators = Indicators.of(bars(20_000));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return indicators.macdSignal(12, 26, 9);
                }));
            }
            start.countDown();
            double[] first = results.get(0).get();
            for (Future<double[]> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(first).isEqualTo(Oscillators.macdSignal(indicators.bars().close(), 12, 26, 9));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsImpossibleParametersEveryTimeTheyAreAskedFor() {
        Indicators indicators = Indicators.of(bars(100));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatIllegalArgumentException().isThrownBy(() -> indicators.ema(0));
            assertThatIllegalArgumentException().isThrownBy(() -> indicators.macd(26, 12));
        }
    }

    @Test
    void averageTrueRangeReadsHighsAndLows() {
        Bars bars = bars(100);
        assertThat(Indicators.of(bars).atr(14)).isEqualTo(Ranges.atr(bars.high(), bars.low(), bars.close(), 14));
        // every bar spans 2 around its close, so the average true range is at least 2
        assertThat(Indicators.of(bars).atr(14)[14]).isGreaterThanOrEqualTo(2);
    }
}
