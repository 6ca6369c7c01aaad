package io.tickflow.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.config.NotificationProperties;
import io.tickflow.testing.RunningService;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the Secrets Manager import finds its endpoint. Spring Boot resolves {@code spring.config.import} while it
 * reads the configuration files, so a client built too early would miss the profile's endpoint; application.yml
 * imports the secret from a profile document for that reason, and this test pins it down.
 */
class SecretImportTest {

    /** The Secrets Manager port of the {@code local} profile (tickflow-aws.yml). */
    private static final int LOCAL_PROFILE_PORT = 4714;

    @Test
    void takesTheEndpointFromTheActiveProfile() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer secretsManager = answerOnLocalProfilePort(requests, "pepper-served-on-4714");
        Map<String, String> everythingButSecretsManager =
                new LinkedHashMap<>(LocalAwsExtension.shared().endpoints().springProperties());
        everythingButSecretsManager.remove("spring.cloud.aws.secretsmanager.endpoint");

        try (RunningService service =
                RunningService.start(NotificationServiceApplication.class, everythingButSecretsManager)) {
            assertThat(service.context().getBean(NotificationProperties.class).apiKeyPepper())
                    .isEqualTo("pepper-served-on-4714");
            assertThat(requests).containsExactly("secretsmanager.GetSecretValue tickflow/notification-service");
        } finally {
            secretsManager.stop(0);
        }
    }

    /**
     * A stand-in for Secrets Manager on the local profile's port that answers GetSecretValue with one pepper and
     * records what it was asked. The embedded stack cannot serve here: its ports are free ones, chosen per run.
     */
    private static HttpServer answerOnLocalProfilePort(List<String> requests, String pepper) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), LOCAL_PROFILE_PORT), 0);
        } catch (BindException e) {
            abort("Port " + LOCAL_PROFILE_PORT + " is taken, probably by ./tickflow up: " + e.getMessage());
            throw e;
        }
        server.createContext("/", exchange -> answer(exchange, requests, pepper));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, List<String> requests, String pepper) throws IOException {
        String secretId = JsonMapper.shared()
                .readTree(exchange.getRequestBody().readAllBytes())
                .path("SecretId")
                .asString();
        requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + secretId);
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + secretId + "-AbCdEf");
        secret.put("Name", secretId);
        secret.put("VersionId", "00000000-0000-0000-0000-000000000001");
        secret.put("VersionStages", List.of("AWSCURRENT"));
        secret.put(
                "SecretString",
                JsonMapper.shared().writeValueAsString(Map.of("tickflow.notify.api-key-pepper", pepper)));
        byte[] body = JsonMapper.shared().writeValueAsString(secret).getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
