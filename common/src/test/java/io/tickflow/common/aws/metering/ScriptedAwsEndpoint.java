package io.tickflow.common.aws.metering;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server that answers AWS calls with scripted responses, by operation: the {@code X-Amz-Target} of the
 * JSON protocols (SQS, DynamoDB) or the {@code Action} of the query protocol (SNS). An operation without a script is
 * answered 500.
 */
final class ScriptedAwsEndpoint implements AutoCloseable {

    private record Answer(int status, String contentType, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    ScriptedAwsEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers a JSON-protocol operation (SQS, DynamoDB). */
    ScriptedAwsEndpoint json(String operation, int status, String body) {
        answers.put(operation, new Answer(status, "application/x-amz-json-1.0", body));
        return this;
    }

    /** Answers a query-protocol operation (SNS). */
    ScriptedAwsEndpoint xml(String operation, int status, String body) {
        answers.put(operation, new Answer(status, "text/xml", body));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Answer answer = answers.get(operation(exchange, new String(request, StandardCharsets.UTF_8)));
            if (answer == null) {
                answer = new Answer(500, "text/plain", "no script");
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String operation(HttpExchange exchange, String body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.indexOf('.') + 1);
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
