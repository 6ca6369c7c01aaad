package io.tickflow.cli.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void readsEpochSecondsExactlyIncludingFractions() {
        TimeFormat seconds = TimeFormat.of("epoch-s");

        assertThat(seconds.parse("1385337600")).isEqualTo(Instant.parse("2013-11-25T00:00:00Z"));
        assertThat(seconds.parse("1385337600.000000001")).isEqualTo(Instant.parse("2013-11-25T00:00:00.000000001Z"));
        assertThat(seconds.parse("-1.5")).isEqualTo(Instant.parse("1969-12-31T23:59:58.5Z"));
    }

    @Test
    void readsEpochMillisMicrosAndNanos() {
        assertThat(TimeFormat.of("epoch-ms").parse("1385337600123"))
                .isEqualTo(Instant.parse("2013-11-25T00:00:00.123Z"));
        assertThat(TimeFormat.of("epoch-us").parse("1385337600123456"))
                .isEqualTo(Instant.parse("2013-11-25T00:00:00.123456Z"));
        assertThat(TimeFormat.of("epoch-ns").parse("1385337600123456789"))
                .isEqualTo(Instant.parse("2013-11-25T00:00:00.123456789Z"));
    }

    @Test
    void refusesWhatIsNotANumberOrFinerThanANanosecond() {
        TimeFormat seconds = TimeFormat.of("epoch-s");

        assertThatThrownBy(() -> seconds.parse("yesterday")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> seconds.parse("1e9")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> seconds.parse("1.0000000001")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsIsoDatesAndTimesAsUtcUnlessTheyHaveAnOffset() {
        TimeFormat auto = TimeFormat.auto();

        assertThat(auto.parse("2013-01-02")).isEqualTo(Instant.parse("2013-01-02T00:00:00Z"));
        assertThat(auto.parse("2013-11-25T00:00:13")).isEqualTo(Instant.parse("2013-11-25T00:00:13Z"));
        assertThat(auto.parse("2013-11-25 00:00:13.5")).isEqualTo(Instant.parse("2013-11-25T00:00:13.5Z"));
        assertThat(auto.parse("2013-11-25T01:00:13+01:00")).isEqualTo(Instant.parse("2013-11-25T00:00:13Z"));
        assertThat(auto.parse("2013-11-25T00:00:13z")).isEqualTo(Instant.parse("2013-11-25T00:00:13Z"));
    }

    @Test
    void autoTakesAnIntegerAsEpochMillisAsTheContractDoes() {
        assertThat(TimeFormat.auto().parse("1385337600123")).isEqualTo(Instant.parse("2013-11-25T00:00:00.123Z"));
        assertThatThrownBy(() -> TimeFormat.of("iso").parse("1385337600123")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsJavaTimePatterns() {
        assertThat(TimeFormat.of("dd/MM/yyyy HH:mm").parse("25/11/2013 14:30"))
                .isEqualTo(Instant.parse("2013-11-25T14:30:00Z"));
        assertThat(TimeFormat.of("yyyyMMdd").parse("20130102")).isEqualTo(Instant.parse("2013-01-02T00:00:00Z"));
        assertThatThrownBy(() -> TimeFormat.of("not {a} pattern"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a time format");
    }
}
