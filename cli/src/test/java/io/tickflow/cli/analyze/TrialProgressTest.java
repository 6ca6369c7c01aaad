package io.tickflow.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.cli.progress.Progress;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TrialProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void printsALinePerAdvanceWhenNotOnATerminalAndIgnoresLateEvents() {
        TrialProgress progress = new TrialProgress(Progress.Mode.LINES, err, "sharpe");

        progress.show(progress(0, 100, null));
        progress.show(progress(40, 100, new BigDecimal("1.234567")));
        progress.show(progress(30, 100, new BigDecimal("0.9")));
        progress.finish();

        assertThat(printed())
                .isEqualTo("tickflow analyze: 0 of 100 trials, no trial has met the constraints yet\n"
                        + "tickflow analyze: 40 of 100 trials, best sharpe 1.2346\n");
    }

    @Test
    void redrawsOneLineOnATerminalAndEndsItWhenDone() {
        TrialProgress progress = new TrialProgress(Progress.Mode.BAR, err, "cagr");

        progress.show(progress(25, 100, new BigDecimal("0.12")));
        progress.show(progress(100, 100, new BigDecimal("0.2")));
        progress.finish();

        assertThat(printed())
                .startsWith("\r 25% [######------------------] 25/100 trials, best cagr 0.12")
                .contains("\r100% [########################] 100/100 trials, best cagr 0.2")
                .endsWith("\n")
                .containsOnlyOnce("\n");
    }

    @Test
    void staysSilentWhenAskedTo() {
        TrialProgress progress = new TrialProgress(Progress.Mode.NONE, err, "sharpe");

        progress.show(progress(1, 2, BigDecimal.ONE));
        progress.finish();

        assertThat(printed()).isEmpty();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static AnalysisProgress progress(int done, int total, @Nullable BigDecimal best) {
        return new AnalysisProgress(
                UUID.randomUUID(),
                Instant.now(),
                "job-1",
                UUID.randomUUID(),
                "BTC-USD",
                "sma-crossover",
                done,
                total,
                best);
    }
}
