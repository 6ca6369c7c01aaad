package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.onlyAccepted;
import static io.tickflow.ingest.intake.Intakes.onlyRejection;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.batchFrom;
import static io.tickflow.ingest.intake.TickJson.quoted;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How symbols and venues are spelled, and which spellings are refused because they could escape a lake partition. */
class SpellingTest {

    private static String symbolOf(String sent) {
        return onlyAccepted(read(batch(trade().withString("symbol", sent)))).symbol();
    }

    private static Rejection symbolRejection(String sent) {
        return onlyRejection(read(batch(trade().withString("symbol", sent))));
    }

    @Test
    void normalisesSlashSymbolSpelling() {
        assertThat(symbolOf("BTC/USD")).isEqualTo("BTC-USD");
    }

    @Test
    void normalisesLowerCaseSymbolSpelling() {
        assertThat(symbolOf("btc-usd")).isEqualTo("BTC-USD");
    }

    @Test
    void normalisesUnderscoreSymbolSpelling() {
        assertThat(symbolOf("BTC_USD")).isEqualTo("BTC-USD");
    }

    @Test
    void trimsWhitespaceAroundSymbols() {
        assertThat(symbolOf(" btc-usd ")).isEqualTo("BTC-USD");
        assertThat(symbolOf("\tbtc/usd\n")).isEqualTo("BTC-USD");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "BTC-USD, BTC-USD",
        "btc/usd, BTC-USD",
        "Btc_Usd, BTC-USD",
        "eth-usd, ETH-USD",
        "BRK.B, BRK.B",
        "brk.b, BRK.B",
        "AAPL, AAPL",
        "6E-M24, 6E-M24",
        "ES.Z24, ES.Z24",
        "btc-usd-perp, BTC-USD-PERP"
    })
    void normalisesEverySpellingUsersSend(String sent, String stored) {
        assertThat(symbolOf(sent)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "BTC/../USD", "BTC..USD", "..", "./BTC", "BTC/..", "A..", "BTC-USD/.."})
    void rejectsSymbolWithPathTraversal(String sent) {
        Rejection rejection = symbolRejection(sent);

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_SYMBOL);
        assertThat(rejection.reason()).contains(quoted(sent));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "symbol=BTC",
                "BTC USD",
                "BTC\\USD",
                "BTC:USD",
                "BTC%2FUSD",
                "BTC\u0000USD",
                "BTÇ-USD",
                "btc-usdı",
                "BTC*",
                "BTC?x=1",
                "BTC#1",
                "ＢＴＣ"
            })
    void rejectsSymbolWithCharactersThatAreNotAllowed(String sent) {
        Rejection rejection = symbolRejection(sent);

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_SYMBOL);
        assertThat(rejection.reason()).contains("it contains");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-BTC", "/BTC", "_BTC", ".BTC"})
    void rejectsSymbolStartingWithASeparator(String sent) {
        assertThat(symbolRejection(sent).reason()).contains("it starts with");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsEmptyOrBlankSymbol(String sent) {
        Rejection rejection = symbolRejection(sent);

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_SYMBOL);
        assertThat(rejection.reason()).contains("it is empty");
    }

    @Test
    void acceptsSymbolOf32Characters() {
        assertThat(symbolOf("A".repeat(32))).hasSize(32);
    }

    @Test
    void rejectsSymbolLongerThan32Characters() {
        assertThat(symbolRejection("A".repeat(33)).code()).isEqualTo(ReasonCode.SYMBOL_TOO_LONG);
    }

    @Test
    void measuresSymbolLengthAfterTrimming() {
        assertThat(symbolOf("  " + "b".repeat(32) + "  ")).isEqualTo("B".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{\"base\":\"BTC\"}", "[\"BTC\",\"USD\"]"})
    void rejectsSymbolThatIsNotAString(String json) {
        Rejection rejection = onlyRejection(read(batch(trade().with("symbol", json))));

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_SYMBOL);
        assertThat(rejection.reason()).contains("not a string");
    }

    @Test
    void normalisesEachSymbolOfABatchOnItsOwn() {
        IntakeResult result = read(batch(
                trade().withString("symbol", "btc/usd"),
                trade().withString("symbol", "eth_usd"),
                trade().withString("symbol", "btc/usd"),
                trade().withString("symbol", "bad symbol"),
                trade().withString("symbol", "btc/usd")));

        assertThat(result.accepted())
                .extracting(tick -> tick.tick().symbol())
                .containsExactly("BTC-USD", "ETH-USD", "BTC-USD", "BTC-USD");
        assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.position())
                .isEqualTo(3));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "Bitstamp, bitstamp",
        "COINBASE, coinbase",
        "' kraken ', kraken",
        "binance.us, binance.us",
        "cme_globex, cme_globex"
    })
    void normalisesVenueSpelling(String sent, String stored) {
        IntakeResult result = read(batchFrom(quoted(sent), trade()));

        assertThat(result.venue()).isEqualTo(stored);
        assertThat(result.accepted()).singleElement().satisfies(tick -> assertThat(tick.venue())
                .isEqualTo(stored));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"../bitstamp", "bit/stamp", "venue=x", "bit..stamp", "-bitstamp", "bit stamp", "", "bitßtamp"})
    void rejectsWholeMessageWithInvalidVenue(String sent) {
        IntakeResult result = read(batchFrom(quoted(sent), trade()));

        assertThat(result.messageRejected()).isTrue();
        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.INVALID_VENUE);
    }

    @Test
    void rejectsVenueLongerThan32Characters() {
        IntakeResult result = read(batchFrom(quoted("v".repeat(33)), trade()));

        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.INVALID_VENUE);
        assertThat(read(batchFrom(quoted("v".repeat(32)), trade())).messageRejected())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{}", "[\"bitstamp\"]"})
    void rejectsVenueThatIsNotAString(String json) {
        IntakeResult result = read(batchFrom(json, trade()));

        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.INVALID_VENUE);
    }

    @Test
    void rejectsNullVenueAsMissing() {
        IntakeResult result = read(batchFrom("null", trade()));

        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.MISSING_VENUE);
    }
}
