package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.NOW;
import static io.tickflow.ingest.intake.Intakes.intake;
import static io.tickflow.ingest.intake.Intakes.onlyAccepted;
import static io.tickflow.ingest.intake.Intakes.onlyRejection;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How tick times are read, normalised to UTC and bounded. */
class TimeTest {

    private static Instant timeOf(String json) {
        return onlyAccepted(read(batch(trade().with("time", json)))).time();
    }

    private static Rejection timeRejection(String json) {
        return onlyRejection(read(batch(trade().with("time", json))));
    }

    @Test
    void readsEpochMillisAndIsoTheSame() {
        assertThat(timeOf("1385343668123")).isEqualTo(timeOf("\"2013-11-25T01:41:08.123Z\""));
    }

    @Test
    void normalisesOffsetTimesToUtc() {
        assertThat(timeOf("\"2013-11-25T02:41:08.123+01:00\"")).isEqualTo(Instant.parse("2013-11-25T01:41:08.123Z"));
        assertThat(timeOf("\"2013-11-24T20:11:08.123-05:30\"")).isEqualTo(Instant.parse("2013-11-25T01:41:08.123Z"));
        assertThat(timeOf("\"2013-11-25T01:41:08.123-00:00\"")).isEqualTo(Instant.parse("2013-11-25T01:41:08.123Z"));
    }

    @Test
    void keepsFractionsOfASecondToTheNanosecond() {
        assertThat(timeOf("\"2013-11-25T01:41:08.123456789Z\""))
                .isEqualTo(Instant.parse("2013-11-25T01:41:08.123456789Z"));
        assertThat(timeOf("\"2013-11-25T01:41:08.5Z\"")).isEqualTo(Instant.parse("2013-11-25T01:41:08.500Z"));
    }

    @Test
    void readsWholeEpochMillisSentAsFloatingPointNumbers() {
        assertThat(timeOf("1385343668123.0")).isEqualTo(Instant.ofEpochMilli(1385343668123L));
        assertThat(timeOf("1.385343668123E12")).isEqualTo(Instant.ofEpochMilli(1385343668123L));
    }

    @Test
    void rejectsFractionalEpochMillis() {
        Rejection rejection = timeRejection("1385343668123.5");

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_TIME);
        assertThat(rejection.reason()).contains("fraction of a millisecond");
    }

    @Test
    void rejectsTimeWithoutZone() {
        Rejection rejection = timeRejection("\"2013-11-25T01:41:08\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_TIME);
        assertThat(rejection.reason()).contains("it has no zone");
    }

    @Test
    void rejectsTimeWithSpaceInsteadOfT() {
        assertThat(timeRejection("\"2013-11-25 01:41:08Z\"").reason()).contains("space instead of 'T'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"25/11/2013 01:41:08\"",
                "\"2013-11-25\"",
                "\"2013-11-25T01:41Z\"",
                "\"2013-11-25t01:41:08Z\"",
                "\"2013-11-25T01:41:08z\"",
                "\"2013-11-25T01:41:08+0100\"",
                "\"2013-11-25T01:41:08+01\"",
                "\"2013-11-25T01:41:08.Z\"",
                "\"2013-11-25T01:41:08.1234567891Z\"",
                "\"2013-11-25T01:41:08Z[UTC]\"",
                "\"+12013-11-25T01:41:08Z\"",
                "\"1385343668123\"",
                "\"\"",
                "\"now\""
            })
    void rejectsTimesThatAreNotTheContractsIsoForm(String json) {
        assertThat(timeRejection(json).code()).isEqualTo(ReasonCode.INVALID_TIME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2013-02-29T00:00:00Z\"",
                "\"2013-13-01T00:00:00Z\"",
                "\"2013-04-31T00:00:00Z\"",
                "\"2013-00-10T00:00:00Z\""
            })
    void rejectsDaysThatDoNotExist(String json) {
        assertThat(timeRejection(json).reason()).contains("there is no day");
    }

    @Test
    void acceptsLeapDays() {
        assertThat(timeOf("\"2012-02-29T00:00:00Z\"")).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
        assertThat(timeOf("\"2000-02-29T00:00:00Z\"")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        assertThat(timeRejection("\"1900-02-29T00:00:00Z\"").code()).isEqualTo(ReasonCode.INVALID_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2013-11-25T24:00:00Z\"", "\"2013-11-25T23:60:00Z\"", "\"2016-12-31T23:59:60Z\""})
    void rejectsTimesOfDayThatDoNotExist(String json) {
        assertThat(timeRejection(json).reason()).contains("there is no time of day");
    }

    @Test
    void rejectsOffsetsBeyondEighteenHours() {
        assertThat(timeRejection("\"2013-11-25T01:41:08+18:01\"").reason()).contains("beyond ±18:00");
        assertThat(timeOf("\"2013-11-25T19:41:08+18:00\"")).isEqualTo(Instant.parse("2013-11-25T01:41:08Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "{\"seconds\":1}", "[2013,11,25]", "NaN"})
    void rejectsTimeOfTheWrongJsonType(String json) {
        assertThat(timeRejection(json).code()).isEqualTo(ReasonCode.INVALID_TIME);
    }

    @Test
    void rejectsEpochMillisBeyondAnyPlausibleTime() {
        assertThat(timeRejection("99999999999999999999").code()).isEqualTo(ReasonCode.INVALID_TIME);
        assertThat(timeRejection("1e30").code()).isEqualTo(ReasonCode.INVALID_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "86399999", "\"1969-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\""})
    void rejectsTimesBeforeTheEarliestAccepted(String json) {
        Rejection rejection = timeRejection(json);

        assertThat(rejection.code()).isEqualTo(ReasonCode.TIME_TOO_EARLY);
        assertThat(rejection.reason()).contains("1970-01-02T00:00:00Z");
    }

    @Test
    void acceptsTheEarliestTimeItself() {
        assertThat(timeOf("86400000")).isEqualTo(IntakeRules.DEFAULT_EARLIEST_TIME);
    }

    @Test
    void rejectsTimesFurtherAheadThanTheAllowedSkew() {
        Rejection rejection =
                timeRejection("\"" + NOW.plus(Duration.ofMinutes(5)).plusMillis(1) + "\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.TIME_IN_FUTURE);
        assertThat(rejection.reason()).contains("5 minutes", NOW.toString());
    }

    @Test
    void acceptsTimesWithinTheAllowedSkew() {
        Instant soon = NOW.plus(Duration.ofMinutes(5));

        assertThat(timeOf("\"" + soon + "\"")).isEqualTo(soon);
    }

    @Test
    void takesTheTimeWindowFromItsRules() {
        IntakeRules rules = IntakeRules.defaults()
                .withEarliestTime(Instant.parse("2000-01-01T00:00:00Z"))
                .withMaxFutureSkew(Duration.ZERO);
        TickIntake strict = intake(rules);

        // Epoch seconds sent as milliseconds read as January 1970: a later earliest time catches them.
        Rejection seconds = onlyRejection(strict.read("m", batch(trade().with("time", "1385343668"))));
        Rejection ahead = onlyRejection(strict.read("m", batch(trade().with("time", "\"" + NOW.plusMillis(1) + "\""))));

        assertThat(seconds.code()).isEqualTo(ReasonCode.TIME_TOO_EARLY);
        assertThat(ahead.code()).isEqualTo(ReasonCode.TIME_IN_FUTURE);
    }

    @Test
    void readsIsoTimesAsJavaTimeDoes() {
        Random random = new Random(20131125);
        InstantText text = new InstantText();
        DateTimeFormatter[] formats = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SXXX")
        };
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L - 86_400); // years 0001 to 9999
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            OffsetDateTime moment =
                    Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)).atOffset(offset);
            String sent = moment.format(formats[random.nextInt(formats.length)]);
            if (sent.startsWith("+") || sent.startsWith("-")) {
                continue; // years beyond four digits are not of the contract's form
            }

            Instant read = text.parseIso(sent.toCharArray(), 0, sent.length());

            assertThat(read).as(sent).isEqualTo(OffsetDateTime.parse(sent).toInstant());
        }
    }

    @Test
    void countsDaysAsJavaTimeDoes() {
        Random random = new Random(1970);
        for (int i = 0; i < 100_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-719_162, 2_932_896)); // 0001-01-01 to 9999-12-31

            assertThat(InstantText.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .as(date.toString())
                    .isEqualTo(date.toEpochDay());
        }
    }
}
