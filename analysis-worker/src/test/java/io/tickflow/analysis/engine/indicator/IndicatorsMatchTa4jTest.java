package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.22.2 computing in {@code DoubleNum}, on every bar of three real series, to 1e-9
 * relative (absolute below 1, for MACD values near zero).
 *
 * <p>The comparison starts where our series is first defined; before it, ours is NaN. ta4j 0.22 returns NaN for its
 * EMA-family indicators during their unstable bars and seeds them with one value, exactly as ours, so from that index on
 * the two agree without waiting for a seed to fade. Only its SMA, standard deviation and Bollinger bands give values over
 * partial windows before, where ours are NaN. The comparison index, per indicator:
 *
 * <ul>
 *   <li>SMA, Bollinger bands: {@code period - 1}, the first full window;
 *   <li>EMA, RSI, ATR: {@code period} (ta4j's unstable bars);
 *   <li>MACD: {@code slow}; its signal line: {@code max(slow, signal)}.
 * </ul>
 */
class IndicatorsMatchTa4jTest {

    private static final double TOLERANCE = 1e-9;

    static List<MarketData> series() {
        return MarketData.all();
    }

    @ParameterizedTest
    @MethodSource("series")
    void simpleMovingAverageMatchesTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        ClosePriceIndicator close = new ClosePriceIndicator(data.toTa4j());
        for (int period : new int[] {1, 2, 10, 50, 200}) {
            double[] ours = indicators.sma(period);
            assertMatches("SMA(" + period + ")", ours, period - 1, new SMAIndicator(close, period));
            assertThat(MovingAverages.sma(data.bars().close(), period)).isEqualTo(ours);
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void exponentialMovingAverageMatchesTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        ClosePriceIndicator close = new ClosePriceIndicator(data.toTa4j());
        for (int period : new int[] {1, 2, 12, 26, 100}) {
            double[] ours = indicators.ema(period);
            assertMatches("EMA(" + period + ")", ours, period, new EMAIndicator(close, period));
            assertThat(MovingAverages.ema(data.bars().close(), period)).isEqualTo(ours);
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void relativeStrengthIndexMatchesTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        ClosePriceIndicator close = new ClosePriceIndicator(data.toTa4j());
        for (int period : new int[] {2, 7, 14, 30}) {
            double[] ours = indicators.rsi(period);
            assertMatches("RSI(" + period + ")", ours, period, new RSIIndicator(close, period));
            assertThat(Oscillators.rsi(data.bars().close(), period)).isEqualTo(ours);
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void macdAndItsSignalLineMatchTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        ClosePriceIndicator close = new ClosePriceIndicator(data.toTa4j());
        // The last one has a signal period longer than the slow one, so the signal starts at signal, not slow.
        for (int[] p : new int[][] {{12, 26, 9}, {5, 35, 5}, {2, 6, 3}, {3, 10, 16}}) {
            int fast = p[0];
            int slow = p[1];
            int signal = p[2];
            String name = "MACD(" + fast + ", " + slow + ", " + signal + ")";
            MACDIndicator macd = new MACDIndicator(close, fast, slow);
            double[] ours = indicators.macd(fast, slow);
            double[] oursSignal = indicators.macdSignal(fast, slow, signal);
            assertMatches(name, ours, slow, macd);
            assertMatches(name + " signal", oursSignal, Math.max(slow, signal), macd.getSignalLine(signal));
            assertThat(Oscillators.macd(data.bars().close(), fast, slow)).isEqualTo(ours);
            assertThat(Oscillators.macdSignal(data.bars().close(), fast, slow, signal))
                    .isEqualTo(oursSignal);
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void bollingerBandsMatchTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        BarSeries series = data.toTa4j();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (int period : new int[] {2, 10, 20, 50}) {
            for (double k : new double[] {0.5, 2.0, 3.5}) {
                String name = "Bollinger(" + period + ", " + k + ")";
                var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
                var deviation = new StandardDeviationIndicator(close, period);
                Num kNum = series.numFactory().numOf(k);
                double[] upper = indicators.bollingerUpper(period, k);
                double[] lower = indicators.bollingerLower(period, k);
                assertMatches(name + " middle", indicators.bollingerMiddle(period), period - 1, middle);
                assertMatches(
                        name + " upper", upper, period - 1, new BollingerBandsUpperIndicator(middle, deviation, kNum));
                assertMatches(
                        name + " lower", lower, period - 1, new BollingerBandsLowerIndicator(middle, deviation, kNum));
                assertThat(Bands.bollingerUpper(data.bars().close(), period, k)).isEqualTo(upper);
                assertThat(Bands.bollingerLower(data.bars().close(), period, k)).isEqualTo(lower);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void averageTrueRangeMatchesTa4j(MarketData data) {
        Indicators indicators = Indicators.of(data.bars());
        BarSeries series = data.toTa4j();
        for (int period : new int[] {1, 2, 14, 30}) {
            double[] ours = indicators.atr(period);
            assertMatches("ATR(" + period + ")", ours, period, new ATRIndicator(series, period));
            var bars = data.bars();
            assertThat(Ranges.atr(bars.high(), bars.low(), bars.close(), period))
                    .isEqualTo(ours);
        }
    }

    private static void assertMatches(String name, double[] ours, int from, Indicator<Num> ta4j) {
        assertMatches(name, ours, from, i -> ta4j.getValue(i).doubleValue());
    }

    private static void assertMatches(String name, double[] ours, int from, IntFunction<Double> ta4j) {
        assertThat(from).as(name + " is defined somewhere in the series").isLessThan(ours.length);
        for (int i = 0; i < ours.length; i++) {
            if (i < from) {
                assertThat(ours[i])
                        .as("%s at %d, before it is defined", name, i)
                        .isNaN();
            } else {
                double theirs = ta4j.apply(i);
                assertThat(theirs).as("ta4j's %s at %d", name, i).isFinite();
                assertThat(ours[i])
                        .as("%s at %d", name, i)
                        .isCloseTo(theirs, within(TOLERANCE * Math.max(1, Math.abs(theirs))));
            }
        }
    }
}
