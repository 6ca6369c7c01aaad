package io.tickflow.cli.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code subscribe} against an HTTP server that answers as notification-service's subscription API does (the service's
 * own answers are tested in its module): what is under test is the request the CLI makes and how it reports the
 * answer, errors included.
 */
class SubscribeCommandTest {

    private static final String KEY = "tfk_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
    private static final String ID = "0b7e4c1a-2f3d-4e5a-8b6c-7d8e9f0a1b2c";
    private static final String WEBHOOK_VIEW =
            """
            {"subscriptionId":"%s","owner":"alice","name":"good studies",
             "channel":{"type":"webhook","url":"https://example.com/hook"},
             "events":{"eventTypes":["AnalysisCompleted"],"symbols":["BTC-USD"],"strategies":[],
                       "conditions":[{"attribute":"objectiveValue","op":">=","value":"1.5"}]},
             "alerts":[],"createdAt":"2025-06-01T08:00:00Z"%s}""";
    private static final String ALERT_VIEW =
            """
            {"subscriptionId":"5c6d7e8f-0000-4000-8000-000000000001","owner":"alice","name":"mailto:example.com",
             "channel":{"type":"email","address":"me@example.com"},
             "events":{"eventTypes":["PriceAlertTriggered"],"symbols":[],"strategies":[],"conditions":[]},
             "alerts":[{"type":"candle-closes","venue":"bitstamp","symbol":"BTC-USD","interval":"1h","side":"above",
                        "level":30000}],
             "createdAt":"2025-06-02T10:00:00Z"}""";

    /** A request as the server received it. */
    private record Received(
            String method, String path, @Nullable String authorization, @Nullable String contentType, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void playTheApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(
                method, path, authorization, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (!("Bearer " + KEY).equals(authorization)) {
            respond(
                    exchange,
                    401,
                    "{\"error\":\"A valid API key is needed: Authorization: Bearer tfk_... (issue one"
                            + " with ./tickflow api-keys issue OWNER)\"}");
            return;
        }
        String subscriptions = "/api/v1/subscriptions";
        switch (method + " " + path) {
            case "POST /api/v1/subscriptions" -> {
                if (body.contains("\"email\"")) {
                    respond(exchange, 400, "{\"error\":\"A subscription names its channel: webhook, email or sns\"}");
                } else {
                    respond(exchange, 201, WEBHOOK_VIEW.formatted(ID, ",\"signingSecret\":\"whsec_first-secret\""));
                }
            }
            case "GET /api/v1/subscriptions" ->
                respond(exchange, 200, "[" + WEBHOOK_VIEW.formatted(ID, "") + "," + ALERT_VIEW + "]");
            default -> {
                if (path.equals(subscriptions + "/" + ID) && method.equals("GET")) {
                    respond(exchange, 200, ALERT_VIEW);
                } else if (path.equals(subscriptions + "/" + ID) && method.equals("DELETE")) {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                } else if (path.equals(subscriptions + "/" + ID + "/secret")) {
                    respond(exchange, 200, WEBHOOK_VIEW.formatted(ID, ",\"signingSecret\":\"whsec_second-secret\""));
                } else if (path.equals(subscriptions + "/" + ID + "/test")) {
                    respond(exchange, 200, "{\"deliveryId\":\"d-1\",\"status\":\"DELIVERED\",\"attempts\":1}");
                } else if (path.equals(subscriptions + "/failing/test")) {
                    respond(
                            exchange,
                            200,
                            "{\"deliveryId\":\"d-2\",\"status\":\"FAILED\",\"attempts\":3,"
                                    + "\"error\":\"HTTP 503 from https://example.com/hook\"}");
                } else {
                    // Spring Boot's own error body: the reason is not in it.
                    respond(
                            exchange,
                            404,
                            "{\"timestamp\":\"2025-06-01T08:00:00.000+00:00\",\"status\":404,"
                                    + "\"error\":\"Not Found\",\"path\":\"" + path + "\"}");
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void createsAWebhookSubscriptionAndShowsItsSigningSecretOnce() {
        Run run = run("webhook", "https://example.com/hook", "--symbol", "BTC-USD", "--when", "objectiveValue>=1.5");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/subscriptions");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"channel\":{\"type\":\"webhook\",\"url\":\"https://example.com/hook\"},\"events\":"
                        + "{\"symbols\":[\"BTC-USD\"],\"conditions\":[{\"attribute\":\"objectiveValue\",\"op\":\">=\","
                        + "\"value\":\"1.5\"}]}}");
        assertThat(run.out())
                .contains("Subscription " + ID + " (good studies)")
                .contains("channel   webhook https://example.com/hook")
                .contains("events    AnalysisCompleted; symbol BTC-USD; objectiveValue >= 1.5")
                .contains("Signing secret: whsec_first-secret")
                .contains("Shown this once");
    }

    @Test
    void listsTheSubscriptionsAsATable() {
        Run run = run("list");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(received.getFirst().method() + " " + received.getFirst().path())
                .isEqualTo("GET /api/v1/subscriptions");
        assertThat(run.out().lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .matches("id\\s+name\\s+channel\\s+receives");
        assertThat(run.out())
                .containsPattern(ID + "\\s+good studies\\s+webhook https://example.com/hook\\s+AnalysisCompleted;"
                        + " symbol BTC-USD; objectiveValue >= 1.5")
                .containsPattern("email me@example.com\\s+a 1h candle of BTC-USD at bitstamp closes above 30000")
                .doesNotContain("whsec_");
    }

    @Test
    void showsOneSubscriptionWithItsAlerts() {
        Run run = run("show", ID);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("channel   email me@example.com")
                .contains("events    PriceAlertTriggered")
                .contains("alert     a 1h candle of BTC-USD at bitstamp closes above 30000")
                .contains("created   2025-06-02T10:00:00Z");
    }

    @Test
    void aRefusedKeyIsExplainedWithTheServicesMessage() {
        Run run = run(Map.of("TICKFLOW_API_KEY", "tfk_revoked", "TICKFLOW_NOTIFY_URL", url()), "list");

        assertThat(run.code()).isEqualTo(SubscribeCommand.FAILED);
        assertThat(run.err())
                .contains("the API key was refused (401)")
                .contains("issue one with ./tickflow api-keys issue OWNER");
        assertThat(received.getFirst().authorization()).isEqualTo("Bearer tfk_revoked");
    }

    @Test
    void anUnknownSubscriptionIsNamed() {
        Run run = run("delete", "not-mine");

        assertThat(run.code()).isEqualTo(SubscribeCommand.FAILED);
        assertThat(run.err()).contains("you have no subscription not-mine (404): Not Found");
        assertThat(received.getFirst().method()).isEqualTo("DELETE");
    }

    @Test
    void aRefusedRequestShowsWhyTheServiceRefusedIt() {
        Run run = run("email", "me@example.com");

        assertThat(run.code()).isEqualTo(SubscribeCommand.FAILED);
        assertThat(run.err())
                .contains("refused the request (400): A subscription names its channel: webhook, email or sns");
    }

    @Test
    void deletesASubscription() {
        Run run = run("delete", ID);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Deleted subscription " + ID);
    }

    @Test
    void aTestDeliveryReportsHowItWent() {
        Run delivered = run("test", ID);
        Run failed = run("test", "failing");

        assertThat(delivered.code()).as(delivered.toString()).isZero();
        assertThat(delivered.out()).contains("Test delivery d-1 to " + ID + ": delivered after 1 attempt.");
        assertThat(failed.code()).isEqualTo(SubscribeCommand.FAILED);
        assertThat(failed.out()).contains("failed after 3 attempts: HTTP 503 from https://example.com/hook");
        assertThat(received).extracting(Received::method).containsOnly("POST");
    }

    @Test
    void rotatingTheSecretPrintsTheNewOneOnce() {
        Run run = run("rotate-secret", ID);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(received.getFirst().path()).isEqualTo("/api/v1/subscriptions/" + ID + "/secret");
        assertThat(run.out())
                .contains("New signing secret: whsec_second-secret")
                .contains("Shown this once")
                .contains("previous secret keeps verifying");
    }

    @Test
    void saysWhatToDoWhenTheServiceIsNotRunning() {
        Run run = run(Map.of("TICKFLOW_API_KEY", KEY, "TICKFLOW_NOTIFY_URL", "http://127.0.0.1:1"), "list");

        assertThat(run.code()).isEqualTo(SubscribeCommand.FAILED);
        assertThat(run.err()).contains("http://127.0.0.1:1 did not answer").contains("./tickflow up");
    }

    @Test
    void aWrongCommandLineSendsNothing() {
        Run run = run("alert", "crosses", "--venue", "bitstamp");

        assertThat(run.code()).isEqualTo(SubscribeCommand.USAGE);
        assertThat(run.err()).contains("this alert needs --symbol").contains("./tickflow subscribe --help");
        assertThat(received).isEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Run run(String... args) {
        return run(Map.of("TICKFLOW_API_KEY", KEY, "TICKFLOW_NOTIFY_URL", url()), args);
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new SubscribeCommand(env, o, e).run(List.of(args));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
