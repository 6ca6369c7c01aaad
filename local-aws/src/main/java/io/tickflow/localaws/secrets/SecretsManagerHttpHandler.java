package io.tickflow.localaws.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tickflow.localaws.secrets.WireShapes.BatchGetSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.CreateSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.DeleteSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.DescribeSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.ErrorResponse;
import io.tickflow.localaws.secrets.WireShapes.GetSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.ListSecretVersionIdsRequest;
import io.tickflow.localaws.secrets.WireShapes.ListSecretsRequest;
import io.tickflow.localaws.secrets.WireShapes.PutSecretValueRequest;
import io.tickflow.localaws.secrets.WireShapes.RestoreSecretRequest;
import io.tickflow.localaws.secrets.WireShapes.TagResourceRequest;
import io.tickflow.localaws.secrets.WireShapes.UntagResourceRequest;
import io.tickflow.localaws.secrets.WireShapes.UpdateSecretRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.1 protocol: a POST whose {@code X-Amz-Target: secretsmanager.<Operation>} header names the operation,
 * a JSON body in and out, and failures as HTTP 400 (500 for our own) with {@code __type} naming the error.
 *
 * <p>Signatures are not checked: the embedded stack accepts any credentials.
 */
final class SecretsManagerHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SecretsManagerHttpHandler.class);

    static final String TARGET_PREFIX = "secretsmanager.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = WireShapes.mapper();
    private final Map<String, Operation<?>> operations;

    SecretsManagerHttpHandler(SecretsManagerApi api) {
        operations = Map.ofEntries(
                operation("CreateSecret", CreateSecretRequest.class, api::createSecret),
                operation("GetSecretValue", GetSecretValueRequest.class, api::getSecretValue),
                operation("BatchGetSecretValue", BatchGetSecretValueRequest.class, api::batchGetSecretValue),
                operation("PutSecretValue", PutSecretValueRequest.class, api::putSecretValue),
                operation("UpdateSecret", UpdateSecretRequest.class, api::updateSecret),
                operation("DescribeSecret", DescribeSecretRequest.class, api::describeSecret),
                operation("ListSecrets", ListSecretsRequest.class, api::listSecrets),
                operation("ListSecretVersionIds", ListSecretVersionIdsRequest.class, api::listSecretVersionIds),
                operation("DeleteSecret", DeleteSecretRequest.class, api::deleteSecret),
                operation("RestoreSecret", RestoreSecretRequest.class, api::restoreSecret),
                operation("TagResource", TagResourceRequest.class, api::tagResource),
                operation("UntagResource", UntagResourceRequest.class, api::untagResource));
    }

    private static <I> Map.Entry<String, Operation<?>> operation(
            String name, Class<I> requestType, Function<I, ?> action) {
        return Map.entry(name, new Operation<>(requestType, action));
    }

    /** One operation: the shape its body is read into and what carries it out. */
    private record Operation<I>(Class<I> requestType, Function<I, ?> action) {
        Object invoke(ObjectMapper json, byte[] body) {
            I request;
            try {
                request = json.readValue(body, requestType);
            } catch (IOException e) {
                throw new ApiException(
                        ErrorType.SERIALIZATION,
                        "The request body does not fit " + requestType.getSimpleName() + ": " + e.getMessage());
            }
            return action.apply(request);
        }
    }

    /** What goes back: a status, a body, and for errors the type the SDKs read from the header too. */
    private record Reply(int status, Object body, String errorType) {
        static Reply error(ErrorType type, String message) {
            return new Reply(type.httpStatus(), new ErrorResponse(type.wireName(), message), type.wireName());
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Read the whole body first, whatever the outcome, so the connection can be kept alive.
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Reply reply;
            try {
                reply = new Reply(200, dispatch(exchange.getRequestMethod(), target, body), null);
            } catch (ApiException e) {
                reply = Reply.error(e.type(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Secrets Manager {} failed", target, e);
                reply = Reply.error(ErrorType.INTERNAL, "The Secrets Manager emulator failed: " + e);
            }
            send(exchange, reply);
        }
    }

    private Object dispatch(String method, String target, byte[] body) {
        if (!"POST".equals(method)) {
            throw new ApiException(
                    ErrorType.METHOD_NOT_ALLOWED,
                    "Secrets Manager takes POST requests with an X-Amz-Target header, not " + method + ".");
        }
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ApiException(
                    ErrorType.UNKNOWN_OPERATION,
                    "Expected the header X-Amz-Target: " + TARGET_PREFIX + "<Operation>, got "
                            + (target == null ? "none" : target) + ".");
        }
        String name = target.substring(TARGET_PREFIX.length());
        Operation<?> operation = operations.get(name);
        if (operation == null) {
            throw new ApiException(
                    ErrorType.UNKNOWN_OPERATION,
                    "The Tickflow Secrets Manager emulator does not implement " + name + "; it serves "
                            + String.join(", ", new TreeSet<>(operations.keySet())) + ".");
        }
        return operation.invoke(json, body.length == 0 ? EMPTY_OBJECT : body);
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = json.writeValueAsBytes(reply.body());
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", CONTENT_TYPE);
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (reply.errorType() != null) {
            headers.set("x-amzn-ErrorType", reply.errorType());
        }
        if (reply.status() == ErrorType.METHOD_NOT_ALLOWED.httpStatus()) {
            headers.set("Allow", "POST");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            // A response to HEAD has headers only; announcing a body would break the connection.
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
