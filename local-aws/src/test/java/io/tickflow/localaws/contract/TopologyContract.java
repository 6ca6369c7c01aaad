package io.tickflow.localaws.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.localaws.provision.TopologyVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * What any stack Tickflow runs on must do with the topology: hold all of it, and route each publish to exactly the
 * queues whose filter policies admit it. Runs against the embedded stack everywhere and against LocalStack where
 * Docker exists.
 */
abstract class TopologyContract {

    private final Topology topology = Topology.tickflow();

    abstract LocalAwsClients aws();

    @Test
    void theStackHoldsTheWholeTopology() {
        assertThat(new TopologyVerifier(aws()).differences(topology)).isEmpty();
    }

    @Test
    void marketTicksReachStorageAndOnlyTradesAndQuotesReachAlerts() {
        String trades = publish("market-ticks", Map.of("eventType", "TicksAccepted", "dataset", "trades"));
        String quotes = publish("market-ticks", Map.of("eventType", "TicksAccepted", "dataset", "quotes"));
        String bars = publish("market-ticks", Map.of("eventType", "TicksAccepted", "dataset", "bars"));

        assertThat(bodies("storage-ticks")).contains(trades, quotes, bars);
        assertThat(bodies("alert-ticks")).contains(trades, quotes).doesNotContain(bars);
        assertThat(bodies("notifications")).doesNotContain(trades, quotes, bars);
    }

    @Test
    void onlyAnalysisOutcomesReachTheNotificationsQueue() {
        String completed = publish("analysis-results", Map.of("eventType", "AnalysisCompleted"));
        String failed = publish("analysis-results", Map.of("eventType", "AnalysisFailed"));
        String progress = publish("analysis-results", Map.of("eventType", "AnalysisProgress"));

        assertThat(bodies("notifications")).contains(completed, failed).doesNotContain(progress);
    }

    @Test
    void closedCandlesReachAlertsButOtherMarketEventsDoNot() {
        String candle = publish("market-events", Map.of("eventType", "CandleClosed", "interval", "1m"));
        String partition = publish("market-events", Map.of("eventType", "PartitionCommitted"));

        List<String> alerts = bodies("alert-ticks");
        assertThat(alerts).contains(candle).doesNotContain(partition);
    }

    @Test
    void rawDeliveryCarriesTheMessageAttributes() {
        String body = publish("market-ticks", Map.of("eventType", "TicksAccepted", "dataset", "trades"));

        var message = new QueueDrainer(aws())
                .drain(topology.queue("storage-ticks"), Duration.ofSeconds(1)).stream()
                        .filter(m -> m.body().equals(body))
                        .findFirst()
                        .orElseThrow();
        assertThat(message.messageAttributes().get("dataset").stringValue()).isEqualTo("trades");
        assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("TicksAccepted");
        new QueueDrainer(aws()).drain(topology.queue("alert-ticks"), Duration.ofSeconds(1));
    }

    private String publish(String topic, Map<String, String> attributes) {
        String body = "{\"test\":\"" + UUID.randomUUID() + "\"}";
        String arn = aws().sns().listTopicsPaginator().topics().stream()
                .map(t -> t.topicArn())
                .filter(a -> a.endsWith(":" + topology.topic(topic)))
                .findFirst()
                .orElseThrow();
        aws().sns().publish(r -> r.topicArn(arn)
                .message(body)
                .messageAttributes(attributes.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(e.getValue())
                                        .build()))));
        return body;
    }

    private List<String> bodies(String queue) {
        return new QueueDrainer(aws()).drainBodies(topology.queue(queue), Duration.ofSeconds(1));
    }
}
