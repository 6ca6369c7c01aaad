package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.MESSAGE_ID;
import static io.tickflow.ingest.intake.Intakes.intake;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TickIntake#check}: batches that something else already read into records, judged by the same rules. */
class RecordCheckTest {

    private static final Instant TIME = Instant.parse("2013-11-25T01:41:08.123Z");

    private static Trade trade(String symbol, String price, String size) {
        return new Trade(symbol, TIME, new BigDecimal(price), new BigDecimal(size), Side.BUY, null, null);
    }

    @Test
    void normalisesSymbolsAndVenueOfRecords() {
        IntakeResult result =
                intake().check(MESSAGE_ID, new TickBatch("Bitstamp", List.of(trade("btc/usd", "800.01", "0.1"))));

        assertThat(result.venue()).isEqualTo("bitstamp");
        assertThat(result.accepted())
                .singleElement()
                .satisfies(tick -> assertThat(tick.tick().symbol()).isEqualTo("BTC-USD"));
    }

    @Test
    void rejectsRecordsThatBreakARuleAndKeepsTheOthers() {
        List<Tick> ticks = List.of(
                trade("BTC-USD", "800.01", "0.1"),
                trade("BTC-USD", "-1", "0.1"),
                new Quote("BTC-USD", TIME, new BigDecimal("2"), BigDecimal.ONE, new BigDecimal("1"), BigDecimal.ONE),
                new Bar(
                        "ETH-USD",
                        "15m",
                        TIME,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ZERO),
                new Trade("BTC-USD", TIME, BigDecimal.ONE, BigDecimal.ONE, null, null, -5L),
                trade("BTC/../X", "1", "1"),
                trade("BTC-USD", "1" + "0".repeat(40), "1"),
                trade("BTC-USD", "800.01", "0.1"));

        IntakeResult result = intake().check(MESSAGE_ID, new TickBatch("bitstamp", ticks));

        assertThat(result.accepted()).extracting(AcceptedTick::position).containsExactly(0, 7);
        assertThat(result.rejections())
                .extracting(Rejection::code)
                .containsExactly(
                        ReasonCode.NON_POSITIVE_PRICE,
                        ReasonCode.CROSSED_QUOTE,
                        ReasonCode.UNSUPPORTED_INTERVAL,
                        ReasonCode.INVALID_SEQUENCE,
                        ReasonCode.INVALID_SYMBOL,
                        ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(result.rejections().getFirst().original()).contains("\"price\":\"-1\"");
    }

    @Test
    void rejectsARecordBatchFromAnInvalidVenueAsAWhole() {
        IntakeResult result = intake().check(MESSAGE_ID, new TickBatch("../x", List.of(trade("BTC-USD", "1", "1"))));

        assertThat(result.messageRejected()).isTrue();
        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.INVALID_VENUE);
    }

    @Test
    void rejectsARecordBatchWithMoreTicksThanAllowed() {
        TickIntake intake = intake(IntakeRules.defaults().withMaxTicksPerMessage(2));
        List<Tick> ticks = Collections.nCopies(3, trade("BTC-USD", "1", "1"));

        IntakeResult result = intake.check(MESSAGE_ID, new TickBatch("bitstamp", ticks));

        assertThat(result.rejections().getFirst().code()).isEqualTo(ReasonCode.TOO_MANY_TICKS);
    }
}
