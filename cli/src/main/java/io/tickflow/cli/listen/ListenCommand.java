package io.tickflow.cli.listen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tickflow.common.contract.ContractJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./tickflow listen --port P [--secret S] [--count N] [--timeout T]}: receives notification-service's webhooks
 * on 127.0.0.1 and prints each: whether its {@code Tickflow-Signature} verifies under the secret (HMAC-SHA256 of
 * {@code <t>.<body>}, any of its {@code v1} signatures, timestamp within five minutes), its idempotency key and the
 * event it carries. A receiver to try subscriptions with, and the reference for writing one.
 */
public final class ListenCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static final String HELP =
            """
            Usage: ./tickflow listen --port PORT [--secret SECRET] [--count N] [--timeout DURATION]

            Receives webhook notifications on http://127.0.0.1:PORT/ (any path) and prints each one: the event it
            carries, its idempotency key, and, with --secret (the subscription's signing secret), whether its
            Tickflow-Signature verifies. Stops after N notifications (default: never) or after --timeout (e.g. 10m).
            Answers 200 to a notification whose signature verifies (or when no secret is given), 401 otherwise.
            """;

    private static final Pattern TIMESTAMP = Pattern.compile("(?:^|,)\\s*t=(\\d+)");
    private static final Pattern SIGNATURE = Pattern.compile("(?:^|,)\\s*v1=([0-9a-f]{64})");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final PrintStream out;
    private final PrintStream err;

    public ListenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code listen} with its arguments; returns the exit status. */
    public int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return OK;
        }
        int port = -1;
        String secret = null;
        long count = Long.MAX_VALUE;
        Duration timeout = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    return usage(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--secret" -> secret = value;
                    case "--count" -> count = Long.parseLong(value);
                    case "--timeout" -> timeout = Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
                    default -> {
                        return usage("unknown option " + option);
                    }
                }
            }
        } catch (RuntimeException invalid) {
            return usage("an option's value is not understood: " + invalid.getMessage());
        }
        if (port < 1 || port > 65535) {
            return usage("give --port, the port to listen on");
        }
        return listen(port, secret, count, timeout);
    }

    private int listen(int port, @Nullable String secret, long count, @Nullable Duration timeout) {
        CountDownLatch done = new CountDownLatch(1);
        long[] received = {0};
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            err.println("tickflow listen: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return FAILED;
        }
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            boolean valid = receive(exchange, secret);
            synchronized (received) {
                if (valid && ++received[0] >= count) {
                    done.countDown();
                }
            }
        });
        server.start();
        err.println("tickflow listen: waiting for webhooks on http://127.0.0.1:" + port + "/"
                + (secret == null ? " (no secret: signatures are not checked)" : ""));
        try {
            boolean finished =
                    timeout == null ? awaitForever(done) : done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                err.println("tickflow listen: " + received[0] + " notification(s) within " + timeout);
                return FAILED;
            }
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } finally {
            server.stop(0);
        }
    }

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return true;
    }

    private boolean receive(HttpExchange exchange, @Nullable String secret) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("Tickflow-Signature");
        String verdict = secret == null ? "not checked" : verify(signature, body, secret);
        boolean valid = secret == null || verdict.startsWith("valid");
        exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        exchange.close();
        out.println("webhook " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath());
        out.println("  signature        " + verdict);
        out.println("  idempotency key  " + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        describe(body);
        out.flush();
        return valid;
    }

    private void describe(byte[] body) {
        JsonNode notification;
        try {
            notification = ContractJson.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            out.println("  body             (not JSON) " + new String(body, StandardCharsets.UTF_8));
            return;
        }
        JsonNode event = notification.path("event");
        out.println("  event            " + notification.path("eventType").asString() + " "
                + event.path("eventId").asString());
        for (Map.Entry<String, String> field : List.of(
                Map.entry("symbol", "symbol"),
                Map.entry("strategy", "strategy"),
                Map.entry("objective", "objective"),
                Map.entry("objectiveValue", "objective value"),
                Map.entry("reasonCode", "reason code"),
                Map.entry("condition", "condition"),
                Map.entry("price", "price"),
                Map.entry("reportUrl", "report"))) {
            if (event.has(field.getKey())) {
                out.printf(
                        "  %-16s %s%n",
                        field.getValue(), event.path(field.getKey()).asString());
            }
        }
    }

    /** The receiver's check, as a subscriber would write it: HMAC-SHA256 of {@code <t>.<body>}, constant-time. */
    static String verify(@Nullable String header, byte[] body, String secret) {
        if (header == null) {
            return "MISSING (no Tickflow-Signature header)";
        }
        Matcher timestamp = TIMESTAMP.matcher(header);
        if (!timestamp.find()) {
            return "INVALID (no timestamp)";
        }
        long t = Long.parseLong(timestamp.group(1));
        if (Duration.between(Instant.ofEpochSecond(t), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return "INVALID (timestamp more than 5 minutes away)";
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("Every JDK has HmacSHA256", impossible);
        }
        List<String> signatures = new ArrayList<>();
        Matcher matcher = SIGNATURE.matcher(header);
        while (matcher.find()) {
            signatures.add(matcher.group(1));
        }
        for (String candidate : signatures) {
            if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate))) {
                return "valid (HMAC-SHA256, " + signatures.size() + " signature(s) in the header)";
            }
        }
        return "INVALID (no signature matches the secret)";
    }

    private int usage(String problem) {
        err.println("tickflow listen: " + problem);
        err.println("See ./tickflow listen --help");
        return USAGE;
    }
}
