package io.tickflow.ingest.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.ingest.intake.IntakeRules;
import io.tickflow.ingest.intake.TickIntake;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ingestion's ordering and de-duplication, with the ports kept in memory. */
class TickIngestionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryBatches batches = new InMemoryBatches();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Map<String, List<TickRejected>> recorded = new LinkedHashMap<>();
    private final List<String> quarantined = new ArrayList<>();

    private TickIngestion ingestion(int maxTicksPerEvent) {
        return new TickIngestion(
                new TickIntake(IntakeRules.defaults(), CLOCK),
                batches,
                publisher,
                recorded::put,
                (id, body, reason) -> quarantined.add(id + ":" + reason.reasonCode()),
                new TickIngestion.Settings("tickflow-ingest", maxTicksPerEvent),
                CLOCK);
    }

    @Test
    void publishesOneEventPerStreamWithTheGoodTicksOfAMixedBatch() {
        IngestOutcome outcome = ingestion(500)
                .ingest(List.of(new IngestMessage(
                        "m1",
                        batch(
                                trade("BTC-USD", "1", "800.01"),
                                trade("btc/usd", "2", "-1"),
                                trade("ETH-USD", "3", "20.5"),
                                quote("BTC-USD")))));

        assertThat(outcome.acceptedTicks()).isEqualTo(3);
        assertThat(outcome.rejectedTicks()).isEqualTo(1);
        assertThat(publisher.events)
                .extracting(e -> e.symbol() + "/" + e.dataset().wireName() + "/"
                        + e.ticks().size())
                .containsExactlyInAnyOrder("BTC-USD/trades/1", "ETH-USD/trades/1", "BTC-USD/quotes/1");
        assertThat(recorded.get("m1")).singleElement().satisfies(r -> {
            assertThat(r.source().position()).isEqualTo(1);
            assertThat(r.original()).contains("-1");
        });
    }

    @Test
    void aRedeliveredMessagePublishesNothingTwice() {
        IngestMessage message =
                new IngestMessage("m1", batch(trade("BTC-USD", "1", "800"), trade("BTC-USD", "2", "801")));
        ingestion(500).ingest(List.of(message));

        IngestOutcome again = ingestion(500).ingest(List.of(new IngestMessage("m1-redelivered", message.body())));

        assertThat(publisher.events).hasSize(1);
        assertThat(again.duplicateTicks()).isEqualTo(2);
        assertThat(again.acceptedTicks()).isZero();
    }

    @Test
    void theSameBatchPublishedAgainCarriesTheSameEventId() {
        String body = batch(trade("BTC-USD", "1", "800"));
        ingestion(500).ingest(List.of(new IngestMessage("m1", body)));
        batches.forget();

        ingestion(500).ingest(List.of(new IngestMessage("m2", body)));

        assertThat(publisher.events).hasSize(2);
        assertThat(publisher.events.get(0).eventId())
                .isEqualTo(publisher.events.get(1).eventId());
    }

    @Test
    void aFailedPublishRemembersNothingSoTheRetryPublishes() {
        String body = batch(trade("BTC-USD", "1", "800"));
        publisher.failNext = true;

        assertThatThrownBy(() -> ingestion(500).ingest(List.of(new IngestMessage("m1", body))))
                .hasMessageContaining("SNS is down");
        assertThat(batches.remembered).isEmpty();

        ingestion(500).ingest(List.of(new IngestMessage("m1", body)));
        assertThat(publisher.events).hasSize(1);
    }

    @Test
    void rejectionsAreRecordedBeforeAnythingIsPublished() {
        publisher.failNext = true;

        assertThatThrownBy(() -> ingestion(500)
                .ingest(List.of(new IngestMessage("m1", batch(trade("BTC-USD", "1", "800"), trade("X", "2", "0"))))));

        assertThat(recorded).containsKey("m1");
    }

    @Test
    void aMessageThatIsNotJsonIsQuarantinedAtOnce() {
        IngestOutcome outcome = ingestion(500).ingest(List.of(new IngestMessage("bad", "hello, not json")));

        assertThat(quarantined).containsExactly("bad:INVALID_JSON");
        assertThat(recorded.get("bad"))
                .singleElement()
                .satisfies(r -> assertThat(r.source().position()).isNull());
        assertThat(outcome.quarantinedMessages()).isEqualTo(1);
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void largeStreamsAreSplitIntoEventsOfBoundedSize() {
        String body = batch(IntStream.range(0, 25)
                .mapToObj(i -> trade("BTC-USD", Integer.toString(i), "800"))
                .toArray(String[]::new));

        ingestion(10).ingest(List.of(new IngestMessage("m1", body)));

        assertThat(publisher.events).extracting(e -> e.ticks().size()).containsExactly(10, 10, 5);
        assertThat(publisher.events).allSatisfy(e -> assertThat(e.dataset()).isEqualTo(Dataset.TRADES));
    }

    @Test
    void theSameTicksSentTwiceInOneRoundArePublishedOnceNamingBothSources() {
        String body = batch(trade("BTC-USD", "1", "800"));

        ingestion(500).ingest(List.of(new IngestMessage("m1", body), new IngestMessage("m2", body)));

        assertThat(publisher.events).singleElement().satisfies(e -> assertThat(e.source())
                .containsExactly("m1", "m2"));
    }

    private static String batch(String... ticks) {
        return "{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\",\"ticks\":[" + String.join(",", ticks)
                + "]}";
    }

    private static String trade(String symbol, String tradeId, String price) {
        return "{\"type\":\"trade\",\"symbol\":\"%s\",\"time\":1385343668000,\"price\":\"%s\",\"size\":\"0.5\",\"tradeId\":\"%s\"}"
                .formatted(symbol, price, tradeId);
    }

    private static String quote(String symbol) {
        return "{\"type\":\"quote\",\"symbol\":\"%s\",\"time\":\"2013-11-25T01:41:08Z\",\"bid\":\"800\",\"bidSize\":\"1\",\"ask\":\"801\",\"askSize\":\"2\"}"
                .formatted(symbol);
    }

    private static final class InMemoryBatches implements PublishedBatches {
        final Set<String> remembered = new HashSet<>();

        @Override
        public Set<String> publishedAmong(Collection<String> fingerprints) {
            return fingerprints.stream().filter(remembered::contains).collect(Collectors.toSet());
        }

        @Override
        public void remember(Collection<String> fingerprints) {
            remembered.addAll(fingerprints);
        }

        void forget() {
            remembered.clear();
        }
    }

    private static final class RecordingPublisher implements TickPublisher {
        final List<TicksAccepted> events = new ArrayList<>();
        boolean failNext;

        @Override
        public void publish(List<TicksAccepted> published) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("SNS is down");
            }
            events.addAll(published);
        }
    }
}
