package io.tickflow.notify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.NotificationServiceApplication;
import io.tickflow.notify.apikey.ApiKeys;
import io.tickflow.notify.fanout.SubscriptionDirectory;
import io.tickflow.testing.RunningService;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Price alerts across restarts of notification-service and beside a second instance sharing its tables: each
 * crossing of a level fires once, whichever instance sees its ticks, and the side the market is on survives a restart
 * (so a restarted instance neither fires that side again nor misses a crossing that happened while it was down).
 */
class PriceAlertDurabilityIntegrationTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant START = Instant.parse("2026-02-03T10:00:00Z");

    private final String symbol =
            "DUR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private int second;

    @Test
    void aCrossingFiresOnceAcrossRestartsAndBesideASecondInstance() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscriptionId;
            try (RunningService first = start()) {
                String key =
                        first.context().getBean(ApiKeys.class).issue("carol").key();
                subscriptionId = subscribe(first, key, receiver);
                awaitAlertOf(first);

                publishTicks("99", "99.5", "100.5", "101");
                awaitFirings(receiver, 1);
                assertThat(condition(receiver, 0)).isEqualTo("crosses-above 100");
            }
            // The claim and its delivery are in the table before the first instance is gone.
            Map<String, AttributeValue> state = AWS.dynamoDb()
                    .getItem(r -> r.tableName(TOPOLOGY.table("alert-state"))
                            .key(Map.of(
                                    "subscriptionId", AttributeValue.fromS(subscriptionId),
                                    "rule", AttributeValue.fromS("0")))
                            .consistentRead(true))
                    .item();
            assertThat(state.get("crossings").n()).isEqualTo("1");
            assertThat(state.get("firingDelivered").bool()).isTrue();

            try (RunningService restarted = start()) {
                awaitAlertOf(restarted);
                // Still above the level: a restarted instance remembers the side and fires nothing.
                publishTicks("102", "103");
                awaitQuiet(receiver, 1);
            }
            try (RunningService again = start()) {
                awaitAlertOf(again);
                // The first price this instance sees is below the level: the stored side says it crossed.
                publishTicks("99");
                awaitFirings(receiver, 2);
                assertThat(condition(receiver, 1)).isEqualTo("crosses-below 100");

                try (RunningService beside = start()) {
                    awaitAlertOf(beside);
                    // Two messages of one crossing, however the two instances share them: one firing.
                    publishTicks("101");
                    publishTicks("102");
                    awaitFirings(receiver, 3);
                    awaitQuiet(receiver, 3);
                    assertThat(condition(receiver, 2)).isEqualTo("crosses-above 100");
                }
            }
        }
    }

    private static RunningService start() {
        return RunningService.start(
                NotificationServiceApplication.class,
                "--tickflow.notify.allowed-networks=127.0.0.0/8",
                "--tickflow.notify.delivery-attempts=3",
                "--tickflow.notify.delivery-backoff=50ms",
                "--tickflow.notify.delivery-timeout=2s",
                "--tickflow.notify.subscription-refresh=100ms");
    }

    private String subscribe(RunningService service, String key, WebhookReceiver receiver) throws Exception {
        String body = "{\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/durable")
                + "\"},\"alerts\":[{\"type\":\"crosses\",\"venue\":\"itvenue\",\"symbol\":\"" + symbol
                + "\",\"level\":\"100\"}]}";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(service.baseUri().resolve("/api/v1/subscriptions"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ContractJson.mapper()
                .readTree(created.body())
                .path("subscriptionId")
                .asString();
    }

    private void awaitAlertOf(RunningService service) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.context().getBean(SubscriptionDirectory.class).all().stream()
                        .anyMatch(s ->
                                s.alerts().stream().anyMatch(a -> a.symbol().equals(symbol))));
    }

    private static void awaitFirings(WebhookReceiver receiver, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at("/durable").size() >= count);
    }

    /** Room for another firing, which must not come. */
    private static void awaitQuiet(WebhookReceiver receiver, int count) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/durable").size() == count);
    }

    private static String condition(WebhookReceiver receiver, int index) {
        JsonNode event = ContractJson.mapper()
                .readTree(receiver.at("/durable").get(index).body())
                .path("event");
        return event.path("condition").asString();
    }

    /** One TicksAccepted of trades one second apart, later than every trade published before. */
    private void publishTicks(String... prices) throws Exception {
        StringBuilder trades = new StringBuilder();
        for (int i = 0; i < prices.length; i++) {
            second++;
            trades.append(i > 0 ? "," : "")
                    .append("{\"type\":\"trade\",\"symbol\":\"")
                    .append(symbol)
                    .append("\",\"time\":\"")
                    .append(START.plusSeconds(second))
                    .append("\",\"price\":\"")
                    .append(prices[i])
                    .append("\",\"size\":\"1\",\"tradeId\":\"")
                    .append(second)
                    .append("\"}");
        }
        ObjectNode event;
        try (InputStream in = TicksAccepted.class
                .getClassLoader()
                .getResourceAsStream("contracts/examples/tickflow.ticks-accepted.v1/btc-usd-trades.json")) {
            event = (ObjectNode) ContractJson.mapper().readTree(in);
        }
        event.put("eventId", UUID.randomUUID().toString());
        event.put("venue", "itvenue");
        event.put("symbol", symbol);
        event.set("ticks", ContractJson.mapper().readTree("[" + trades + "]"));
        TicksAccepted ticks = ContractJson.mapper().treeToValue(event, TicksAccepted.class);
        new SnsEventPublisher(AWS.sns(), new TopicArns(AWS.sns()).lookup(TOPOLOGY.topic("market-ticks")), 10)
                .publish(List.of(ticks));
    }
}
