package io.tickflow.cli.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command lines to the exact calls and JSON bodies the subscription API reads. */
class SubscribeOptionsTest {

    private static final String KEY = "tfk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Map<String, String> ENV = Map.of("TICKFLOW_API_KEY", KEY);

    @Test
    void aWebhookWithFiltersBecomesTheServicesEventFilter() throws Exception {
        ApiCall call = call(
                "webhook",
                "https://example.com/hook",
                "--symbol",
                "btc/usd",
                "--symbol",
                "ETH-USD",
                "--strategy",
                "sma-crossover",
                "--event-type",
                "AnalysisCompleted",
                "--when",
                "objectiveValue>=1.5",
                "--when",
                "interval = 1h",
                "--name",
                "good BTC studies");

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/subscriptions");
        assertThat(call.body())
                .isEqualTo("{\"name\":\"good BTC studies\",\"channel\":{\"type\":\"webhook\","
                        + "\"url\":\"https://example.com/hook\"},\"events\":{\"eventTypes\":[\"AnalysisCompleted\"],"
                        + "\"symbols\":[\"BTC-USD\",\"ETH-USD\"],\"strategies\":[\"sma-crossover\"],\"conditions\":["
                        + "{\"attribute\":\"objectiveValue\",\"op\":\">=\",\"value\":\"1.5\"},"
                        + "{\"attribute\":\"interval\",\"op\":\"=\",\"value\":\"1h\"}]}}");
    }

    @Test
    void withoutFiltersTheBodyLeavesTheEventsToTheServicesDefault() throws Exception {
        assertThat(call("email", "quant@example.com").body())
                .isEqualTo("{\"channel\":{\"type\":\"email\",\"address\":\"quant@example.com\"}}");
        assertThat(call("sns", "arn:aws:sns:us-east-1:123456789012:alerts", "--symbol", "BTC-USD")
                        .body())
                .isEqualTo("{\"channel\":{\"type\":\"sns\",\"topicArn\":\"arn:aws:sns:us-east-1:123456789012:alerts\"},"
                        + "\"events\":{\"symbols\":[\"BTC-USD\"]}}");
    }

    @Test
    void priceAlertsBecomeTheServicesRules() throws Exception {
        assertThat(call(
                                "alert",
                                "crosses",
                                "--venue",
                                "bitstamp",
                                "--symbol",
                                "BTC-USD",
                                "--level",
                                "1000",
                                "--webhook",
                                "http://127.0.0.1:9000/alerts")
                        .body())
                .isEqualTo("{\"channel\":{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9000/alerts\"},"
                        + "\"alerts\":[{\"type\":\"crosses\",\"venue\":\"bitstamp\",\"symbol\":\"BTC-USD\","
                        + "\"level\":\"1000\"}]}");
        assertThat(call(
                                "alert",
                                "moves",
                                "--venue",
                                "kraken",
                                "--symbol",
                                "eth/usd",
                                "--percent",
                                "2.5",
                                "--window",
                                "15m",
                                "--email",
                                "me@example.com",
                                "--name",
                                "eth swings")
                        .body())
                .isEqualTo("{\"name\":\"eth swings\",\"channel\":{\"type\":\"email\",\"address\":\"me@example.com\"},"
                        + "\"alerts\":[{\"type\":\"moves-percent\",\"venue\":\"kraken\",\"symbol\":\"ETH-USD\","
                        + "\"percent\":\"2.5\",\"window\":\"PT15M\"}]}");
        assertThat(call(
                                "alert",
                                "closes",
                                "--venue",
                                "bitstamp",
                                "--symbol",
                                "BTC-USD",
                                "--interval",
                                "1h",
                                "--side",
                                "below",
                                "--level",
                                "3e4",
                                "--sns",
                                "arn:aws:sns:us-east-1:123456789012:alerts")
                        .body())
                .isEqualTo("{\"channel\":{\"type\":\"sns\",\"topicArn\":\"arn:aws:sns:us-east-1:123456789012:alerts\"},"
                        + "\"alerts\":[{\"type\":\"candle-closes\",\"venue\":\"bitstamp\",\"symbol\":\"BTC-USD\","
                        + "\"interval\":\"1h\",\"side\":\"below\",\"level\":\"30000\"}]}");
    }

    @Test
    void actionsOnOneSubscriptionAddressIt() throws Exception {
        String id = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";

        assertThat(List.of(
                        call("list"),
                        call("show", id),
                        call("delete", id),
                        call("test", id),
                        call("rotate-secret", id)))
                .extracting(c -> c.method() + " " + c.path() + " " + c.body())
                .containsExactly(
                        "GET /api/v1/subscriptions null",
                        "GET /api/v1/subscriptions/" + id + " null",
                        "DELETE /api/v1/subscriptions/" + id + " null",
                        "POST /api/v1/subscriptions/" + id + "/test null",
                        "POST /api/v1/subscriptions/" + id + "/secret null");
    }

    @Test
    void theUrlAndKeyComeFromTheOptionsBeforeTheEnvironment() throws Exception {
        SubscribeOptions defaults = SubscribeOptions.parse(List.of("list"), ENV);
        SubscribeOptions fromEnv = SubscribeOptions.parse(
                List.of("list"), Map.of("TICKFLOW_API_KEY", KEY, "TICKFLOW_NOTIFY_URL", "http://notify:9090/"));
        SubscribeOptions fromOptions = SubscribeOptions.parse(
                List.of("--url", "https://notify.example.com", "list", "--api-key", "tfk_other"),
                Map.of("TICKFLOW_API_KEY", KEY, "TICKFLOW_NOTIFY_URL", "http://notify:9090"));

        assertThat(defaults.url()).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(defaults.apiKey()).isEqualTo(KEY);
        assertThat(fromEnv.url()).isEqualTo(URI.create("http://notify:9090"));
        assertThat(fromOptions.url()).isEqualTo(URI.create("https://notify.example.com"));
        assertThat(fromOptions.apiKey()).isEqualTo("tfk_other");
    }

    @Test
    void explainsWhatIsWrongBeforeAnythingIsSent() {
        assertThatThrownBy(() -> SubscribeOptions.parse(List.of("list"), Map.of()))
                .hasMessageContaining("no API key")
                .hasMessageContaining("./tickflow api-keys issue OWNER");
        assertThatThrownBy(() -> SubscribeOptions.parse(List.of("list", "--api-key", "secret"), Map.of()))
                .hasMessageContaining("starts with tfk_");
        assertThatThrownBy(() -> call("webhook", "https://example.com/hook", "--when", "objectiveValue >= high"))
                .hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> call("webhook", "https://example.com/hook", "--when", "objectiveValue"))
                .hasMessageContaining("compares a message attribute with a value");
        assertThatThrownBy(() -> call("webhook", "https://example.com/hook", "--event-type", "Completed"))
                .hasMessageContaining("unknown --event-type Completed")
                .hasMessageContaining("AnalysisCompleted");
        assertThatThrownBy(() -> call("webhook", "ftp://example.com/hook")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> call("email", "me@example.com", "--level", "3"))
                .hasMessageContaining("--level does not apply to subscribe email");
        assertThatThrownBy(() -> call("alert", "crosses", "--venue", "bitstamp", "--symbol", "BTC-USD", "--level", "1"))
                .hasMessageContaining("one of --webhook URL, --email ADDRESS or --sns TOPIC_ARN");
        assertThatThrownBy(() -> call(
                        "alert",
                        "crosses",
                        "--venue",
                        "bitstamp",
                        "--symbol",
                        "BTC-USD",
                        "--level",
                        "-5",
                        "--email",
                        "me@example.com"))
                .hasMessageContaining("--level is a positive number");
        assertThatThrownBy(() -> call(
                        "alert",
                        "moves",
                        "--venue",
                        "bitstamp",
                        "--symbol",
                        "BTC-USD",
                        "--percent",
                        "5",
                        "--window",
                        "8d",
                        "--email",
                        "me@example.com"))
                .hasMessageContaining("1 second to 7 days");
        assertThatThrownBy(() -> call(
                        "alert",
                        "closes",
                        "--venue",
                        "bitstamp",
                        "--symbol",
                        "BTC-USD",
                        "--interval",
                        "2h",
                        "--side",
                        "above",
                        "--level",
                        "1",
                        "--email",
                        "me@example.com"))
                .hasMessageContaining("--interval is one of [1m, 5m, 1h, 1d]");
        assertThatThrownBy(() -> call("alert", "dips", "--venue", "bitstamp")).hasMessageContaining("not alert dips");
        assertThatThrownBy(() -> call("show", "../api-keys")).hasMessageContaining("a subscription id is");
        assertThatThrownBy(() -> call("show")).hasMessageContaining("takes ID");
        assertThatThrownBy(() -> call("list", "--name", "x")).hasMessageContaining("--name does not apply");
        assertThatThrownBy(() -> call("webhook", "https://example.com/hook", "--name", "a", "--name", "b"))
                .hasMessageContaining("--name is given once");
    }

    private static ApiCall call(String... args) throws InvalidSubscriptionException {
        return SubscribeOptions.parse(List.of(args), ENV).call();
    }
}
