package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;

/** HTTP subscribers: a JDK HttpServer in the test stands in for a web hook. */
class HttpSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SnsTestStack stack;

    private HttpServer hook;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** How many of the next requests the hook answers with a 500 before it accepts. */
    private final AtomicInteger failuresToReturn = new AtomicInteger();

    /** One request the hook received. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeAll
    static void start() {
        stack = new SnsTestStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void startHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        hook.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = failuresToReturn.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                received.add(new Received(
                        exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            }
        });
        hook.start();
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    private String hookUrl(String path) {
        return "http://127.0.0.1:" + hook.getAddress().getPort() + path;
    }

    @Test
    void anHttpSubscriberConfirmsThroughTheSubscribeUrlAndThenReceivesNotifications() throws Exception {
        String topic = stack.createTopic("webhook");

        String pending = stack.snsClient
                .subscribe(r -> r.topicArn(topic).protocol("http").endpoint(hookUrl("/hook")))
                .subscriptionArn();

        assertThat(pending).isEqualTo("pending confirmation");
        Received confirmation = next();
        assertThat(confirmation.path()).isEqualTo("/hook");
        assertThat(confirmation.header("x-amz-sns-message-type")).isEqualTo("SubscriptionConfirmation");
        assertThat(confirmation.header("x-amz-sns-topic-arn")).isEqualTo(topic);
        JsonNode document = JSON.readTree(confirmation.body());
        assertThat(confirmation.header("x-amz-sns-message-id"))
                .isEqualTo(document.get("MessageId").asText());
        assertThat(document.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(document.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(document.get("Token").asText()).isNotBlank();
        assertThat(document.get("Message").asText()).contains(topic);
        assertThat(SqsFanoutTest.verifies(document, "SHA1withRSA")).isTrue();

        // Published before the confirmation: an unconfirmed subscriber receives nothing.
        stack.snsClient.publish(r -> r.topicArn(topic).message("too early"));
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();

        HttpResponse<String> visit;
        try (HttpClient client = HttpClient.newHttpClient()) {
            visit = client.send(
                    HttpRequest.newBuilder(
                                    URI.create(document.get("SubscribeURL").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(visit.statusCode()).isEqualTo(200);
        assertThat(visit.body()).contains("<ConfirmSubscriptionResponse").contains("<SubscriptionArn>" + topic + ":");
        String subscriptionArn =
                stack.snsClient.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().stream()
                        .map(Subscription::subscriptionArn)
                        .findFirst()
                        .orElseThrow();
        assertThat(subscriptionArn).startsWith(topic + ":");

        String messageId = stack.snsClient
                .publish(r -> r.topicArn(topic)
                        .subject("Alert")
                        .message("price crossed 100")
                        .messageAttributes(Map.of(
                                "symbol",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("AAPL")
                                        .build())))
                .messageId();

        Received notification = next();
        assertThat(notification.header("x-amz-sns-message-type")).isEqualTo("Notification");
        assertThat(notification.header("x-amz-sns-message-id")).isEqualTo(messageId);
        assertThat(notification.header("x-amz-sns-subscription-arn")).isEqualTo(subscriptionArn);
        assertThat(notification.header("Content-Type")).startsWith("text/plain");
        JsonNode envelope = JSON.readTree(notification.body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("Message").asText()).isEqualTo("price crossed 100");
        assertThat(envelope.get("Subject").asText()).isEqualTo("Alert");
        assertThat(envelope.get("MessageAttributes").get("symbol").get("Value").asText())
                .isEqualTo("AAPL");
        assertThat(SqsFanoutTest.verifies(envelope, "SHA1withRSA")).isTrue();
    }

    @Test
    void confirmSubscriptionWithTheTokenConfirmsAndRawDeliveryPostsTheBareMessage() throws Exception {
        String topic = stack.createTopic("raw-webhook");
        String arn = stack.snsClient
                .subscribe(r -> r.topicArn(topic)
                        .protocol("http")
                        .endpoint(hookUrl("/raw"))
                        .attributes(Map.of("RawMessageDelivery", "true"))
                        .returnSubscriptionArn(true))
                .subscriptionArn();
        String token = JSON.readTree(next().body()).get("Token").asText();
        assertThat(stack.snsClient
                        .getSubscriptionAttributes(r -> r.subscriptionArn(arn))
                        .attributes())
                .containsEntry("PendingConfirmation", "true");

        String confirmed = stack.snsClient
                .confirmSubscription(r -> r.topicArn(topic).token(token))
                .subscriptionArn();
        stack.snsClient.publish(r -> r.topicArn(topic).message("{\"raw\":true}"));

        assertThat(confirmed).isEqualTo(arn);
        Received notification = next();
        assertThat(notification.body()).isEqualTo("{\"raw\":true}");
        assertThat(notification.header("x-amz-sns-rawdelivery")).isEqualTo("true");
        assertThat(notification.header("x-amz-sns-subscription-arn")).isEqualTo(arn);
    }

    @Test
    void aFailingEndpointIsRetriedUntilItAccepts() throws Exception {
        String topic = stack.createTopic("retried");
        stack.snsClient.subscribe(r -> r.topicArn(topic)
                .protocol("http")
                .endpoint(hookUrl("/flaky"))
                .attributes(Map.of("RawMessageDelivery", "true")));
        String token = JSON.readTree(next().body()).get("Token").asText();
        stack.snsClient.confirmSubscription(r -> r.topicArn(topic).token(token));
        failuresToReturn.set(2);

        stack.snsClient.publish(r -> r.topicArn(topic).message("eventually"));

        // Two refusals, then the attempt that succeeds: 1 s and 2 s of backoff.
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        // And no attempt after the one that succeeded.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> received.size() == 3);
        assertThat(received).extracting(Received::body).containsExactly("eventually", "eventually", "eventually");
    }

    private Received next() {
        try {
            Received request = received.poll(10, TimeUnit.SECONDS);
            assertThat(request).as("a request to the hook within 10 s").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
