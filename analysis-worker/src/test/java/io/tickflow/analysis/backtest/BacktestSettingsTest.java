package io.tickflow.analysis.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.analysis.Costs;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BacktestSettingsTest {

    @Test
    void takesTheCostsOfARequestWithoutAStopLoss() {
        BacktestSettings settings = BacktestSettings.of(new Costs(new BigDecimal("7.5"), null));
        assertThat(settings.feeBps()).isEqualTo(7.5);
        assertThat(settings.slippageBps()).isEqualTo(5.0);
        assertThat(settings.hasStopLoss()).isFalse();
        assertThat(settings.costPerUnit()).isEqualTo(12.5 / 10_000);
        assertThat(settings.withStopLoss(0.05).hasStopLoss()).isTrue();
    }

    @Test
    void rejectsNegativeOrRuinousCostsAndStopsOutsideZeroToOne() {
        assertThatThrownBy(() -> new BacktestSettings(-1, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestSettings(0, Double.NaN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestSettings(2_500, 2_500, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestSettings(10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestSettings(10, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestSettings(10, 5, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
