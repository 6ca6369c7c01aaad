package io.tickflow.localaws.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the endpoint: a query-protocol request by POST (what SDKs send) or by GET (what a SubscribeURL or
 * UnsubscribeURL is), and the signing certificate.
 */
final class SnsHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SnsHttpHandler.class);

    private final SnsApi api;
    private final MessageSigner signer;

    SnsHttpHandler(SnsApi api, MessageSigner signer) {
        this.api = api;
        this.signer = signer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.equals(Envelopes.CERTIFICATE_PATH)) {
                respond(exchange, 200, "application/x-pem-file", signer.certificatePem());
                return;
            }
            String requestId = Ids.uuid();
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            String xml;
            int status = 200;
            try {
                QueryRequest request =
                        switch (method) {
                            case "POST" ->
                                QueryRequest.parse(
                                        exchange.getRequestURI().getRawQuery(),
                                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                            case "GET" ->
                                QueryRequest.parse(exchange.getRequestURI().getRawQuery());
                            default -> throw SnsFault.invalidAction("SNS takes GET and POST requests, not " + method);
                        };
                xml = api.handle(request, requestId);
            } catch (SnsFault fault) {
                status = fault.status();
                xml = XmlWriter.error(fault, requestId);
            } catch (RuntimeException e) {
                log.error("SNS request {} failed", requestId, e);
                status = 500;
                xml = XmlWriter.error(SnsFault.internalError("Internal error: " + e), requestId);
            }
            respond(exchange, status, "text/xml", xml);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
