package io.tickflow.notify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.notify.NotificationServiceApplication;
import io.tickflow.notify.apikey.ApiKeys;
import io.tickflow.notify.fanout.SubscriptionDirectory;
import io.tickflow.testing.RunningService;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * notification-service against the embedded stack, as subscribers see it: subscriptions made through the API with an
 * API key, analysis outcomes published on the results topic, and what arrives at a loopback webhook, a real SMTP
 * server (GreenMail) and a subscriber's own SNS topic.
 */
class NotificationServiceIntegrationTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SIGNATURE = Pattern.compile("v1=([0-9a-f]{64})");

    private static GreenMail smtp;
    private static RunningService service;
    private static WebhookReceiver receiver;
    private static String aliceKey;
    private static String bobKey;

    @BeforeAll
    static void start() throws IOException {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = new WebhookReceiver();
        service = RunningService.start(
                NotificationServiceApplication.class,
                "--tickflow.notify.allowed-networks=127.0.0.0/8",
                "--tickflow.notify.smtp.host=127.0.0.1",
                "--tickflow.notify.smtp.port=" + smtpPort,
                "--tickflow.notify.delivery-attempts=3",
                "--tickflow.notify.delivery-backoff=50ms",
                "--tickflow.notify.delivery-timeout=2s",
                "--tickflow.notify.subscription-refresh=100ms");
        ApiKeys keys = service.context().getBean(ApiKeys.class);
        aliceKey = keys.issue("alice").key();
        bobKey = keys.issue("bob").key();
    }

    @AfterAll
    static void stop() {
        service.close();
        receiver.close();
        smtp.stop();
    }

    @Test
    void callsWithoutAValidKeyAreRefusedAndOwnersSeeOnlyTheirOwnSubscriptions() throws Exception {
        assertThat(call("GET", "/api/v1/subscriptions", null, null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/subscriptions", "tfk_not-a-key", null).statusCode())
                .isEqualTo(401);
        JsonNode mine = subscribe(aliceKey, "{\"type\":\"email\",\"address\":\"alice@example.com\"}", null);
        String id = mine.path("subscriptionId").asString();

        HttpResponse<String> notBobs = call("GET", "/api/v1/subscriptions/" + id, bobKey, null);
        assertThat(notBobs.statusCode()).isEqualTo(404);
        assertThat(notBobs.body()).contains("no subscription " + id);
        HttpResponse<String> privateHook = call(
                "POST",
                "/api/v1/subscriptions",
                aliceKey,
                "{\"channel\":{\"type\":\"webhook\",\"url\":\"ftp://example.com/x\"}}");
        assertThat(privateHook.statusCode()).isEqualTo(400);
        assertThat(privateHook.body()).contains("absolute http(s) URL");
        assertThat(call("DELETE", "/api/v1/subscriptions/" + id, bobKey, null).statusCode())
                .isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/subscriptions", bobKey, null)).findValuesAsString("subscriptionId"))
                .doesNotContain(id);
        assertThat(call("GET", "/api/v1/subscriptions/" + id, aliceKey, null).statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/subscriptions/" + id, aliceKey, null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void anOutcomeReachesTheWebhookSignedTheInboxAndTheSubscribersTopicOnceEvenWhenRedelivered() throws Exception {
        String symbol = "IT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String filter = "{\"symbols\":[\"" + symbol + "\"],\"conditions\":[{\"attribute\":\"objectiveValue\","
                + "\"op\":\">=\",\"value\":\"1.5\"}]}";
        JsonNode webhook =
                subscribe(aliceKey, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/outcomes") + "\"}", filter);
        String secret = webhook.path("signingSecret").asString();
        assertThat(webhook.path("channel").path("type").asString()).isEqualTo("webhook");
        subscribe(aliceKey, "{\"type\":\"email\",\"address\":\"quant@example.com\"}", filter);
        String topicArn = AWS.sns()
                .createTopic(r -> r.name("alice-" + symbol.toLowerCase()))
                .topicArn();
        String inbox = subscriberQueue(topicArn);
        subscribe(aliceKey, "{\"type\":\"sns\",\"topicArn\":\"" + topicArn + "\"}", filter);
        AnalysisCompleted good = completed(symbol, "1.58");
        AnalysisCompleted weak = completed(symbol, "0.40");
        awaitMatching(symbol);

        publish(good);
        publish(weak);
        publish(good);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.at("/outcomes").isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
        List<Message> topicMessages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            topicMessages.addAll(new QueueDrainer(AWS).drain(inbox, Duration.ofMillis(200)));
            return !topicMessages.isEmpty();
        });
        // Room for a second delivery, which must not come.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/outcomes").size() == 1);
        List<WebhookReceiver.Received> posts = receiver.at("/outcomes");
        assertThat(posts).hasSize(1);
        WebhookReceiver.Received post = posts.getFirst();
        assertThat(verify(post, secret)).isTrue();
        JsonNode notification = ContractJson.mapper().readTree(post.body());
        assertThat(notification.path("event").path("eventId").asString())
                .isEqualTo(good.eventId().toString());
        assertThat(post.header("Idempotency-Key"))
                .isEqualTo(notification.path("eventId").asString());

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains(symbol).contains("sma-crossover");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("1.58");

        topicMessages.addAll(new QueueDrainer(AWS).drain(inbox, Duration.ofSeconds(1)));
        assertThat(topicMessages).hasSize(1);
        assertThat(ContractJson.mapper()
                        .readTree(topicMessages.getFirst().body())
                        .path("event")
                        .path("objectiveValue")
                        .asString())
                .isEqualTo("1.58");
    }

    @Test
    void aFailingEndpointIsRetriedThenDeadLetteredWithTheReasonAndReplayedOnceItIsBack() throws Exception {
        String symbol = "DL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        JsonNode subscription = subscribe(
                bobKey,
                "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/broken") + "\"}",
                "{\"symbols\":[\"" + symbol + "\"]}");
        receiver.answer(503);
        awaitMatching(symbol);
        try {
            publish(completed(symbol, "2.0"));
            List<Message> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.addAll(
                        new QueueDrainer(AWS).drain(TOPOLOGY.queue("notifications") + "-dlq", Duration.ofMillis(200)));
                return dead.stream().anyMatch(m -> m.body().contains(symbol));
            });
            Message letter = dead.stream()
                    .filter(m -> m.body().contains(symbol))
                    .findFirst()
                    .orElseThrow();
            assertThat(receiver.at("/broken")).hasSize(3);
            assertThat(letter.messageAttributes().get("rejectionReason").stringValue())
                    .contains("503");
            String deliveryId = letter.messageAttributes().get("deliveryId").stringValue();
            Map<String, AttributeValue> logged = loggedDelivery(deliveryId);
            assertThat(logged.get("status").s()).isEqualTo("FAILED");
            assertThat(logged.get("outcome").m().get("attempts").n()).isEqualTo("3");
            assertThat(logged.get("subscriptionId").s())
                    .isEqualTo(subscription.path("subscriptionId").asString());

            // The dead letter was read by the drain above; put it back as the operator would find it, then replay.
            AWS.sqs().sendMessage(r -> r.queueUrl(AWS.sqs()
                            .getQueueUrl(q -> q.queueName(TOPOLOGY.queue("notifications") + "-dlq"))
                            .queueUrl())
                    .messageBody(letter.body())
                    .messageAttributes(letter.messageAttributes()));
            receiver.answer(200);
            HttpResponse<String> replayed = HTTP.send(
                    HttpRequest.newBuilder(service.baseUri().resolve("/admin/deliveries/replay"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(json(replayed).path("delivered").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(receiver.at("/broken")).hasSize(4);
            assertThat(loggedDelivery(deliveryId).get("status").s()).isEqualTo("DELIVERED");
        } finally {
            receiver.answer(200);
        }
    }

    @Test
    void afterARotationDeliveriesVerifyWithTheNewAndThePreviousSecret() throws Exception {
        JsonNode subscription =
                subscribe(aliceKey, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/rotating") + "\"}", null);
        String id = subscription.path("subscriptionId").asString();
        String old = subscription.path("signingSecret").asString();

        JsonNode rotated = json(call("POST", "/api/v1/subscriptions/" + id + "/secret", aliceKey, null));
        String fresh = rotated.path("signingSecret").asString();
        JsonNode test = json(call("POST", "/api/v1/subscriptions/" + id + "/test", aliceKey, null));

        assertThat(fresh).isNotBlank().isNotEqualTo(old);
        assertThat(test.path("status").asString()).isEqualTo("DELIVERED");
        WebhookReceiver.Received post = receiver.at("/rotating").getLast();
        assertThat(verify(post, fresh)).isTrue();
        assertThat(verify(post, old)).isTrue();
        assertThat(verify(post, "whsec_someone-elses")).isFalse();
    }

    @Test
    void aPriceAlertFiresOncePerCrossing() throws Exception {
        String symbol = "PA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        subscribe(
                aliceKey,
                "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/alerts") + "\"}",
                null,
                "[{\"type\":\"crosses\",\"venue\":\"itvenue\",\"symbol\":\"" + symbol + "\",\"level\":\"100\"}]");
        assertThat(json(call("GET", "/api/v1/subscriptions", aliceKey, null)).findValues("alerts"))
                .anySatisfy(alerts ->
                        assertThat(alerts.path(0).path("type").asString()).isEqualTo("crosses"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.context().getBean(SubscriptionDirectory.class).all().stream()
                        .anyMatch(s ->
                                s.alerts().stream().anyMatch(a -> a.symbol().equals(symbol))));

        publishTicks(symbol, "99", "99.5", "100.5", "101", "102");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.at("/alerts").isEmpty());
        // Later ticks above the level must not fire again.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.at("/alerts").size() == 1);

        assertThat(receiver.at("/alerts")).hasSize(1);
        JsonNode event = ContractJson.mapper()
                .readTree(receiver.at("/alerts").getFirst().body())
                .path("event");
        assertThat(event.path("condition").asString()).isEqualTo("crosses-above 100");
        assertThat(new BigDecimal(event.path("price").asString())).isEqualByComparingTo("100.5");
    }

    /** Waits until the service matches events against a subscription to {@code symbol} (its directory refreshed). */
    private static void awaitMatching(String symbol) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.context().getBean(SubscriptionDirectory.class).all().stream()
                        .anyMatch(s -> s.events().symbols().contains(symbol)));
    }

    private static JsonNode subscribe(String key, String channel, String events) throws Exception {
        return subscribe(key, channel, events, null);
    }

    private static JsonNode subscribe(String key, String channel, String events, String alerts) throws Exception {
        String body = "{\"channel\":" + channel + (events == null ? "" : ",\"events\":" + events)
                + (alerts == null ? "" : ",\"alerts\":" + alerts) + "}";
        HttpResponse<String> created = call("POST", "/api/v1/subscriptions", key, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.baseUri().resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    /** The receiver's check, written apart from the service's signing code: HMAC-SHA256 of "t.body". */
    private static boolean verify(WebhookReceiver.Received post, String secret) throws Exception {
        String header = post.header("Tickflow-Signature");
        Matcher timestamp = Pattern.compile("t=(\\d+)").matcher(header);
        assertThat(timestamp.find()).isTrue();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp.group(1) + "." + post.body()).getBytes(StandardCharsets.UTF_8));
        Matcher signatures = SIGNATURE.matcher(header);
        while (signatures.find()) {
            if (java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(signatures.group(1)))) {
                return true;
            }
        }
        return false;
    }

    private static AnalysisCompleted completed(String symbol, String objectiveValue) throws IOException {
        AnalysisCompleted example;
        try (InputStream in = AnalysisCompleted.class
                .getClassLoader()
                .getResourceAsStream("contracts/examples/tickflow.analysis-completed.v1/sma-crossover-sharpe.json")) {
            example = ContractJson.mapper().readValue(in, AnalysisCompleted.class);
        }
        return new AnalysisCompleted(
                UUID.randomUUID(),
                Instant.now(),
                example.jobId(),
                example.requestId(),
                example.venue(),
                symbol,
                example.interval(),
                example.strategy(),
                example.objective(),
                new BigDecimal(objectiveValue),
                example.bestParameters(),
                example.metrics(),
                example.trials(),
                example.walkForward(),
                example.deflatedSharpe(),
                example.probabilityOfOverfitting(),
                example.reportKey(),
                example.reportUrl());
    }

    private static void publish(ContractEvent event) {
        new SnsEventPublisher(AWS.sns(), new TopicArns(AWS.sns()).lookup(TOPOLOGY.topic("analysis-results")), 10)
                .publish(List.of(event));
    }

    private static void publishTicks(String symbol, String... prices) throws IOException {
        StringBuilder trades = new StringBuilder();
        Instant start = Instant.parse("2026-01-02T10:00:00Z");
        for (int i = 0; i < prices.length; i++) {
            if (i > 0) {
                trades.append(',');
            }
            trades.append("{\"type\":\"trade\",\"symbol\":\"")
                    .append(symbol)
                    .append("\",\"time\":\"")
                    .append(start.plusSeconds(i))
                    .append("\",\"price\":\"")
                    .append(prices[i])
                    .append("\",\"size\":\"1\",\"tradeId\":\"")
                    .append(i)
                    .append("\"}");
        }
        String json;
        try (InputStream in = TicksAccepted.class
                .getClassLoader()
                .getResourceAsStream("contracts/examples/tickflow.ticks-accepted.v1/btc-usd-trades.json")) {
            JsonNode example = ContractJson.mapper().readTree(in);
            tools.jackson.databind.node.ObjectNode event = (tools.jackson.databind.node.ObjectNode) example;
            event.put("eventId", UUID.randomUUID().toString());
            event.put("venue", "itvenue");
            event.put("symbol", symbol);
            event.set("ticks", ContractJson.mapper().readTree("[" + trades + "]"));
            json = event.toString();
        }
        TicksAccepted ticks = ContractJson.mapper().readValue(json, TicksAccepted.class);
        new SnsEventPublisher(AWS.sns(), new TopicArns(AWS.sns()).lookup(TOPOLOGY.topic("market-ticks")), 10)
                .publish(List.of(ticks));
    }

    private static String subscriberQueue(String topicArn) {
        String name = "it-inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String url = AWS.sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String arn = AWS.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        AWS.sns().subscribe(r -> r.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return name;
    }

    /** The delivery log's entry of a delivery, found by scanning the log's shard items for it. */
    private static Map<String, AttributeValue> loggedDelivery(String deliveryId) {
        return AWS
                .dynamoDb()
                .scanPaginator(r -> r.tableName(TOPOLOGY.table("deliveries")).consistentRead(true))
                .items()
                .stream()
                .map(item -> item.get("deliveries").m().get(deliveryId))
                .filter(Objects::nonNull)
                .map(AttributeValue::m)
                .findFirst()
                .orElseThrow(() -> new AssertionError("delivery " + deliveryId + " is not in the delivery log"));
    }
}
