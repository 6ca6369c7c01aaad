package io.tickflow.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ListenCommandTest {

    private static final String BODY = "{\"schema\":\"tickflow.notification.v1\",\"eventType\":\"AnalysisCompleted\","
            + "\"event\":{\"eventId\":\"e1\",\"symbol\":\"BTC-USD\",\"strategy\":\"sma-crossover\","
            + "\"objectiveValue\":\"1.58\"}}";

    @Test
    void acceptsASignatureUnderTheSecretAndRefusesOthers() throws Exception {
        long now = Instant.now().getEpochSecond();
        String good = "t=" + now + ",v1=" + hmac("whsec_a", now + "." + BODY);
        String rotated =
                "t=" + now + ",v1=" + hmac("whsec_b", now + "." + BODY) + ",v1=" + hmac("whsec_a", now + "." + BODY);
        String stale = "t=" + (now - 600) + ",v1=" + hmac("whsec_a", (now - 600) + "." + BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(ListenCommand.verify(good, body, "whsec_a")).startsWith("valid");
        assertThat(ListenCommand.verify(rotated, body, "whsec_a")).startsWith("valid");
        assertThat(ListenCommand.verify(good, body, "whsec_other")).startsWith("INVALID");
        assertThat(ListenCommand.verify(stale, body, "whsec_a")).contains("5 minutes");
        assertThat(ListenCommand.verify(good, "{}".getBytes(StandardCharsets.UTF_8), "whsec_a"))
                .startsWith("INVALID");
        assertThat(ListenCommand.verify(null, body, "whsec_a")).startsWith("MISSING");
    }

    @Test
    void printsEachNotificationAndStopsAfterTheCount() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int listenPort = port;
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new ListenCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(
                        "--port",
                        Integer.toString(listenPort),
                        "--secret",
                        "whsec_a",
                        "--count",
                        "1",
                        "--timeout",
                        "30s")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> err.toString(StandardCharsets.UTF_8).contains("waiting for webhooks"));
        long now = Instant.now().getEpochSecond();
        HttpResponse<Void> forged = post(port, "t=" + now + ",v1=" + hmac("whsec_x", now + "." + BODY));
        HttpResponse<Void> signed = post(port, "t=" + now + ",v1=" + hmac("whsec_a", now + "." + BODY));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(status.get()).isEqualTo(ListenCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("AnalysisCompleted e1")
                .contains("objective value  1.58")
                .contains("valid (HMAC-SHA256");
    }

    private static HttpResponse<Void> post(int port, String signature) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
                                .header("Tickflow-Signature", signature)
                                .header("Idempotency-Key", "d1")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
