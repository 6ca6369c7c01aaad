package io.tickflow.cli.subscribe;

import io.tickflow.common.contract.ContractJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Makes one call to notification-service's subscription API with the caller's API key. */
final class NotifyApi {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A test delivery retries a failing receiver before it answers, so the API may take a while. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI url;
    private final String apiKey;

    NotifyApi(URI url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    /**
     * The API's answer.
     *
     * @param status the HTTP status
     * @param body the JSON body; null when the body is empty or not JSON
     * @param text the body as received
     */
    record Answer(int status, @Nullable JsonNode body, String text) {

        boolean succeeded() {
            return status / 100 == 2;
        }

        /**
         * What the API said went wrong: its {@code error} field (the subscription API's own errors), a problem
         * detail's {@code detail}, Spring's {@code message}, else the body itself, else the status.
         */
        String problem() {
            if (body != null) {
                for (String field : new String[] {"detail", "message", "error"}) {
                    JsonNode value = body.get(field);
                    if (value != null && value.isString() && !value.asString().isBlank()) {
                        return value.asString();
                    }
                }
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return "HTTP " + status;
            }
            return trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed;
        }
    }

    Answer send(ApiCall call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + call.path()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        String body = call.body();
        if (body == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json(response.body()), response.body());
    }

    private static @Nullable JsonNode json(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ContractJson.mapper().readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
