package io.tickflow.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void drawsABarWithRateAndTimeLeftWhenTheSizeIsKnown() {
        Progress progress =
                new Progress(Progress.Mode.BAR, err, OptionalLong.of(1_000), now::get, Duration.ofSeconds(5));

        advance(Duration.ofSeconds(2));
        progress.update(50_000, 250, 40_000);

        assertThat(printed())
                .startsWith("\r25% [######------------------] 50,000 ticks read, 40,000 sent, 25,000 ticks/s ETA 0:06");
    }

    @Test
    void redrawsTheBarAtMostTenTimesASecond() {
        Progress progress = new Progress(Progress.Mode.BAR, err, OptionalLong.empty(), now::get, Duration.ofSeconds(5));

        advance(Duration.ofMillis(150));
        progress.update(1, 1, 0);
        progress.update(2, 2, 0);
        advance(Duration.ofMillis(50));
        progress.update(3, 3, 0);

        assertThat(printed())
                .contains("1 ticks read")
                .doesNotContain("2 ticks read")
                .doesNotContain("3 ticks read");
        assertThat(printed()).doesNotContain("%").doesNotContain("ETA");
    }

    @Test
    void printsALineEveryIntervalForLogs() {
        Progress progress =
                new Progress(Progress.Mode.LINES, err, OptionalLong.of(4_000), now::get, Duration.ofSeconds(5));

        advance(Duration.ofSeconds(1));
        progress.update(1_000, 1_000, 0);
        assertThat(printed()).isEmpty();

        advance(Duration.ofSeconds(4));
        progress.update(5_000, 2_000, 4_500);
        assertThat(printed())
                .isEqualTo("tickflow: 5,000 ticks read (50% of the input), 4,500 sent, 1,000 ticks/s, ETA 0:05"
                        + System.lineSeparator());
    }

    @Test
    void notesClearTheBarFirst() {
        Progress progress = new Progress(Progress.Mode.BAR, err, OptionalLong.empty(), now::get, Duration.ofSeconds(5));
        advance(Duration.ofSeconds(1));
        progress.update(10, 10, 0);

        progress.note("  line 3: has 2 fields where the header has 3");

        String printed = printed();
        assertThat(printed.substring(printed.lastIndexOf('\r', printed.length() - 3)))
                .startsWith("\r  line 3: has 2 fields");
    }

    @Test
    void saysNothingWhenToldTo() {
        Progress progress = new Progress(Progress.Mode.NONE, err, OptionalLong.of(10), now::get, Duration.ofSeconds(5));
        advance(Duration.ofMinutes(1));

        progress.update(1, 1, 1);
        progress.finish(1, 1, 1);

        assertThat(printed()).isEmpty();
    }
}
