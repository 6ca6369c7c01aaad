package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.MESSAGE_ID;
import static io.tickflow.ingest.intake.Intakes.intake;
import static io.tickflow.ingest.intake.Intakes.onlyAccepted;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.bar;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.quote;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Trade;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What makes a whole message unreadable, and how the good ticks of a partly bad batch are kept. */
class MessageTest {

    private static Rejection messageRejection(String body) {
        IntakeResult result = read(body);
        assertThat(result.messageRejected()).as("message rejected").isTrue();
        assertThat(result.accepted()).isEmpty();
        return result.rejections().getFirst();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"hello", "{'venue':'bitstamp'}", "{venue:\"bitstamp\"}", "{\"a\":tru}", "{\"a\":1,}", "\u0000"})
    void rejectsMessageThatIsNotJson(String body) {
        Rejection rejection = messageRejection(body);

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_JSON);
        assertThat(rejection.original()).isEqualTo(body);
        assertThat(rejection.position()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void rejectsEmptyMessage(String body) {
        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.INVALID_JSON);
    }

    @Test
    void rejectsMessageWithoutBody() {
        Rejection rejection = intake().read(MESSAGE_ID, null).rejections().getFirst();

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_JSON);
        assertThat(rejection.original()).isEmpty();
    }

    @Test
    void rejectsTruncatedJsonAsTruncated() {
        String body = batch(trade(), trade());

        Rejection rejection = messageRejection(body.substring(0, body.length() - 30));

        assertThat(rejection.code()).isEqualTo(ReasonCode.TRUNCATED_JSON);
        assertThat(rejection.reason()).contains("at byte");
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", " {}", "]", ",{}"})
    void rejectsContentAfterTheMessage(String trailer) {
        assertThat(messageRejection(batch(trade()) + trailer).code()).isEqualTo(ReasonCode.INVALID_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"tick\"", "42", "null", "true"})
    void rejectsMessageThatIsNotAnObject(String body) {
        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.NOT_A_JSON_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tickflow.tick-batch.v2\"", "\"tickflow.ticks-accepted.v1\"", "\"\"", "1", "null", "{}"})
    void rejectsUnknownSchema(String schema) {
        String body = "{\"schema\":" + schema + ",\"venue\":\"bitstamp\",\"ticks\":[" + trade() + "]}";

        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.UNKNOWN_SCHEMA);
    }

    @Test
    void rejectsBatchWithoutSchema() {
        String body = "{\"venue\":\"bitstamp\",\"ticks\":[" + trade() + "]}";

        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.MISSING_SCHEMA);
    }

    @Test
    void acceptsBareTickWithItsOwnVenueAndWithoutSchema() {
        IntakeResult result = read(trade().with("venue", "\"Coinbase\"").toString());

        assertThat(result.venue()).isEqualTo("coinbase");
        assertThat(result.accepted()).singleElement().satisfies(tick -> assertThat(tick.position())
                .isZero());
    }

    @Test
    void rejectsBareTickWithAnotherSchema() {
        String body = trade().with("venue", "\"bitstamp\"")
                .with("schema", "\"tickflow.tick-batch.v2\"")
                .toString();

        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.UNKNOWN_SCHEMA);
    }

    @Test
    void rejectsBareTickWithoutVenue() {
        assertThat(messageRejection(trade().toString()).code()).isEqualTo(ReasonCode.MISSING_VENUE);
    }

    @Test
    void rejectsBadBareTickAtPositionZeroWithTheWholeMessageAsOriginal() {
        String body =
                trade().with("venue", "\"bitstamp\"").with("price", "\"-1\"").toString();

        IntakeResult result = read(body);

        assertThat(result.messageRejected()).isFalse();
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.code()).isEqualTo(ReasonCode.NON_POSITIVE_PRICE);
            assertThat(rejection.position()).isZero();
            assertThat(rejection.original()).isEqualTo(body);
        });
    }

    @Test
    void rejectsMessageWithoutAnyTick() {
        assertThat(messageRejection("{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\"}")
                        .code())
                .isEqualTo(ReasonCode.NO_TICKS);
        assertThat(messageRejection("{}").code()).isEqualTo(ReasonCode.MISSING_VENUE);
    }

    @Test
    void rejectsEmptyTicks() {
        assertThat(messageRejection(batch()).code()).isEqualTo(ReasonCode.NO_TICKS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "\"ticks\"", "null", "1"})
    void rejectsTicksThatAreNotAnArray(String ticks) {
        String body = "{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\",\"ticks\":" + ticks + "}";

        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.TICKS_NOT_AN_ARRAY);
    }

    @Test
    void rejectsBatchWithMoreTicksThanAllowed() {
        TickIntake intake = intake(IntakeRules.defaults().withMaxTicksPerMessage(3));

        IntakeResult result = intake.read(MESSAGE_ID, batch(trade(), trade(), trade(), trade(), "[\"anything\"]"));

        assertThat(result.messageRejected()).isTrue();
        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.TOO_MANY_TICKS);
        assertThat(result.rejections().getFirst().reason()).contains("holds 5 ticks, more than the 3");
    }

    @Test
    void acceptsBatchOfExactlyTheMostTicksAllowed() {
        TickIntake intake = intake(IntakeRules.defaults().withMaxTicksPerMessage(3));

        assertThat(intake.read(MESSAGE_ID, batch(trade(), trade(), trade())).accepted())
                .hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema", "venue", "ticks"})
    void rejectsMessageWithAPropertyTwice(String property) {
        String value =
                switch (property) {
                    case "schema" -> "\"tickflow.tick-batch.v1\"";
                    case "venue" -> "\"bitstamp\"";
                    default -> "[" + trade() + "]";
                };
        String body = batch(trade()).replaceFirst("\\{", "{\"" + property + "\":" + value + ",");

        Rejection rejection = messageRejection(body);

        assertThat(rejection.code()).isEqualTo(ReasonCode.DUPLICATE_FIELD);
        assertThat(rejection.reason()).contains("The message has \"" + property + "\" more than once");
    }

    @Test
    void readsTheMessagesPropertiesInAnyOrder() {
        String body = "{\"ticks\":[" + trade() + "],\"venue\":\"Bitstamp\",\"schema\":\"tickflow.tick-batch.v1\"}";

        IntakeResult result = read(body);

        assertThat(result.venue()).isEqualTo("bitstamp");
        assertThat(result.accepted()).hasSize(1);
    }

    @Test
    void keepsNoTickOfAMessageRejectedAfterItsTicks() {
        String body = "{\"ticks\":[" + trade() + "," + trade() + "],\"venue\":\"bitstamp\",\"schema\":\"v0\"}";

        IntakeResult result = read(body);

        assertThat(result.messageRejected()).isTrue();
        assertThat(result.accepted()).isEmpty();
    }

    @Test
    void ignoresUnknownPropertiesOfABatch() {
        String body = batch(trade()).replaceFirst("\\{", "{\"producer\":{\"name\":\"cli\",\"version\":[0,1]},");

        assertThat(read(body).accepted()).hasSize(1);
    }

    @Test
    void keepsTheGoodTicksOfABatchWithBadOnes() {
        TickJson badPrice = trade().with("price", "\"-1\"");
        TickJson crossed = quote().with("bid", "\"900\"");
        String body = batch(trade(), badPrice, quote(), "42", bar(), crossed, trade().withString("symbol", "eth/usd"));

        IntakeResult result = read(body);

        assertThat(result.accepted()).extracting(AcceptedTick::position).containsExactly(0, 2, 4, 6);
        assertThat(result.rejections())
                .extracting(Rejection::position, Rejection::code, Rejection::original)
                .containsExactly(
                        tuple(1, ReasonCode.NON_POSITIVE_PRICE, badPrice.toString()),
                        tuple(3, ReasonCode.TICK_NOT_AN_OBJECT, "42"),
                        tuple(5, ReasonCode.CROSSED_QUOTE, crossed.toString()));
        assertThat(result.rejections())
                .allSatisfy(r -> assertThat(r.messageId()).isEqualTo(MESSAGE_ID));
    }

    @Test
    void keepsTheOriginalTextOfARejectedTickExactlyAsSent() {
        String tick = "{ \"type\" : \"trade\",\n  \"symbol\":\"BTC\\/USD\", \"time\":\"2013-11-25T01:41:08Z\","
                + " \"price\":\"\\u0038\\u0030\\u0030\", \"size\":\"-1\", \"note\":\"caf\u00e9 \ud83d\ude80\" }";
        String body = "{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\",\"ticks\":[\n  " + trade()
                + ",\n  " + tick + "\n]}";

        Rejection rejection = read(body).rejections().getFirst();

        assertThat(rejection.original()).isEqualTo(tick);
        assertThat(rejection.originalTruncated()).isFalse();
    }

    @Test
    void cutsHugeOriginalsAndSaysSo() {
        String symbol = "x".repeat(1_000_000);
        String tick = trade().withString("symbol", symbol).toString();

        Rejection rejection = read(batch(tick)).rejections().getFirst();

        assertThat(rejection.code()).isEqualTo(ReasonCode.SYMBOL_TOO_LONG);
        assertThat(rejection.originalTruncated()).isTrue();
        assertThat(rejection.originalLength()).isEqualTo(tick.length());
        assertThat(rejection.original())
                .startsWith(tick.substring(0, 4096))
                .endsWith("… [cut: the first 4096 of " + tick.length() + " characters]");
        assertThat(rejection.reason()).hasSizeLessThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "xy"})
    void neverCutsASurrogatePairInHalf(String name) {
        // One of the two names puts a high surrogate right at the cut.
        String body = "{\"venue\":\"bitstamp\",\"" + name + "\":\"" + "\ud83d\ude80".repeat(5000) + "\"";

        Rejection rejection = read(body).rejections().getFirst();

        assertThat(rejection.originalTruncated()).isTrue();
        String kept = rejection.original().substring(0, rejection.original().indexOf("… [cut"));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(body).startsWith(kept);
    }

    @Test
    void takesTheLengthOfOriginalsFromItsRules() {
        TickIntake intake = intake(IntakeRules.defaults().withMaxOriginalLength(100));

        Rejection rejection = intake.read(MESSAGE_ID, "not json " + "x".repeat(500))
                .rejections()
                .getFirst();

        assertThat(rejection.original()).startsWith("not json xxx").contains("[cut: the first 100 of 509 characters]");
    }

    @Test
    void groupsAcceptedTicksByVenueSymbolAndDataset() {
        String body = batch(
                trade(),
                quote(),
                trade().withString("symbol", "eth/usd"),
                trade().withString("symbol", "btc/usd"),
                bar(),
                quote());

        Map<TickStream, List<AcceptedTick>> streams = read(body).acceptedByStream();

        assertThat(streams.keySet())
                .containsExactly(
                        new TickStream("bitstamp", "BTC-USD", Dataset.TRADES),
                        new TickStream("bitstamp", "BTC-USD", Dataset.QUOTES),
                        new TickStream("bitstamp", "ETH-USD", Dataset.TRADES),
                        new TickStream("bitstamp", "ETH-USD", Dataset.BARS));
        assertThat(streams.get(new TickStream("bitstamp", "BTC-USD", Dataset.TRADES)))
                .extracting(AcceptedTick::position)
                .containsExactly(0, 3);
        assertThat(streams.get(new TickStream("bitstamp", "BTC-USD", Dataset.QUOTES)))
                .extracting(AcceptedTick::position)
                .containsExactly(1, 5);
    }

    @Test
    void rejectsMessageNestedDeeperThanTheParserAllows() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        String body = batch(trade().with("extra", deep));

        assertThat(messageRejection(body).code()).isEqualTo(ReasonCode.PARSER_LIMIT_EXCEEDED);
    }

    @Test
    void acceptsTickWithModeratelyNestedUnknownField() {
        String nested = "{\"a\":".repeat(50) + "1" + "}".repeat(50);

        assertThat(onlyAccepted(read(batch(trade().with("extra", nested))))).isInstanceOf(Trade.class);
    }
}
