package io.tickflow.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.cli.read.RawTick;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TickBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class MessageBatcherTest {

    private static RawTick trade(long line, String venue, String price) {
        ObjectNode fields = ContractJson.mapper().createObjectNode();
        fields.put("type", "trade");
        fields.put("symbol", "BTC-USD");
        fields.put("time", "2013-11-25T00:00:00Z");
        fields.put("price", price);
        fields.put("size", "0.1");
        return new RawTick(line, venue, fields);
    }

    private static List<TickMessage> batch(int maxTicks, int maxBytes, List<RawTick> ticks) {
        List<TickMessage> messages = new ArrayList<>();
        MessageBatcher batcher = new MessageBatcher(maxTicks, maxBytes, messages::add);
        ticks.forEach(batcher::add);
        batcher.finish();
        return messages;
    }

    private static List<RawTick> ticks(int count, String venue) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> trade(i, venue, "800." + i))
                .toList();
    }

    @Test
    void writesTheContractsBatchEnvelopeAroundTheTicksAsRead() {
        List<TickMessage> messages = batch(500, 262_144, List.of(trade(7, "bitstamp", "800.010000000000")));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.body())
                    .isEqualTo("{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\",\"ticks\":["
                            + "{\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"time\":\"2013-11-25T00:00:00Z\","
                            + "\"price\":\"800.010000000000\",\"size\":\"0.1\"}]}");
            assertThat(m.bytes()).isEqualTo(m.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(m.firstLine()).isEqualTo(7);
            assertThat(ContractJson.mapper()
                            .readValue(m.body(), TickBatch.class)
                            .ticks())
                    .hasSize(1);
        });
    }

    @Test
    void cutsMessagesAtTheTickLimitKeepingTheOrder() {
        List<TickMessage> messages = batch(4, 262_144, ticks(10, "bitstamp"));

        assertThat(messages).extracting(TickMessage::ticks).containsExactly(4, 4, 2);
        assertThat(messages).extracting(TickMessage::firstLine).containsExactly(1L, 5L, 9L);
        assertThat(messages).extracting(TickMessage::lastLine).containsExactly(4L, 8L, 10L);
    }

    @Test
    void cutsMessagesAtTheByteLimitAndNeverExceedsIt() {
        int limit = 1_000;
        List<TickMessage> messages = batch(500, limit, ticks(100, "bitstamp"));

        assertThat(messages).allSatisfy(m -> assertThat(m.bytes()).isLessThanOrEqualTo(limit));
        assertThat(messages.stream().mapToInt(TickMessage::ticks).sum()).isEqualTo(100);
        // Full messages: the next tick would not have fitted.
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.subList(0, messages.size() - 1))
                .allSatisfy(m -> assertThat(m.bytes()).isGreaterThan(limit - 100));
    }

    @Test
    void startsANewMessageWhenTheVenueChanges() {
        List<RawTick> mixed = new ArrayList<>(ticks(3, "bitstamp"));
        mixed.addAll(ticks(2, "kraken"));
        mixed.addAll(ticks(1, "bitstamp"));

        List<TickMessage> messages = batch(500, 262_144, mixed);

        assertThat(messages).extracting(TickMessage::venue).containsExactly("bitstamp", "kraken", "bitstamp");
        assertThat(messages).extracting(TickMessage::ticks).containsExactly(3, 2, 1);
    }

    @Test
    void batchesTheSameTicksIntoTheSameMessagesEveryTime() {
        List<RawTick> input = ticks(1_234, "bitstamp");

        assertThat(batch(100, 4_096, input)).isEqualTo(batch(100, 4_096, input));
    }

    @Test
    void refusesATickLargerThanAMessageMayBe() {
        List<TickMessage> messages = new ArrayList<>();
        MessageBatcher batcher = new MessageBatcher(500, 1_024, messages::add);

        String refused = batcher.add(trade(1, "bitstamp", "9".repeat(2_000)));
        String accepted = batcher.add(trade(2, "bitstamp", "800.01"));
        batcher.finish();

        assertThat(refused).contains("more than a message may hold (1024)");
        assertThat(accepted).isNull();
        assertThat(messages).singleElement().extracting(TickMessage::ticks).isEqualTo(1);
    }
}
