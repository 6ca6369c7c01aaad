package io.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tickflow candles} against an HTTP server that answers as storage-service's read API does (its answers are
 * checked against the real service in storage-service's integration test); here what is under test is the CLI: the
 * request it makes, how it finds the venue, the table, the errors.
 */
class CandlesTest {

    private static final String INSTRUMENTS =
            """
            [{"venue":"bitstamp","symbol":"BTC-USD","quote":null,"lastTrade":{"time":"2013-11-25T10:02:00Z","price":"802","size":"1"}},
             {"venue":"coinbase","symbol":"ETH-USD","quote":null,"lastTrade":null},
             {"venue":"kraken","symbol":"ETH-USD","quote":null,"lastTrade":null}]""";

    private static final String CANDLES =
            """
            [{"openTime":"2013-11-25T10:00:00Z","closeTime":"2013-11-25T11:00:00Z","open":"800.01","high":"805",
              "low":"799.5","close":"802","volume":"12.5","vwap":"801.123456789012345678","tradeCount":42}]""";

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            requests.add(path);
            int status = 200;
            String body;
            if (path.equals("/api/v1/instruments")) {
                body = INSTRUMENTS;
            } else if (path.contains("/candles/2m")) {
                status = 400;
                body = "{\"detail\":\"interval is one of [1m, 5m, 1h, 1d], not 2m\"}";
            } else {
                body = CANDLES;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printsTheCandlesOfTheOnlyVenueThatHasTheSymbolAsATable() {
        CliRun run = CliRun.run(env(), "candles", "btc/usd", "1h", "--from", "2013-11-25", "--to", "2013-11-26");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(requests)
                .containsExactly(
                        "/api/v1/instruments",
                        "/api/v1/instruments/bitstamp/BTC-USD/candles/1h?from=2013-11-25&to=2013-11-26");
        assertThat(run.out())
                .contains("BTC-USD at bitstamp, 1 candles of 1h")
                .contains("open time (UTC)")
                .containsPattern("2013-11-25 10:00:00\\s+800.01\\s+805\\s+799.5\\s+802\\s+12.5\\s+801.12345679\\s+42");
    }

    @Test
    void asksForAVenueWhenSeveralHaveTheSymbol() {
        CliRun run = CliRun.run(env(), "candles", "ETH-USD", "1m");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ETH-USD trades at coinbase, kraken; pick one with --venue");
    }

    @Test
    void passesTheServicesReasonOn() {
        CliRun run = CliRun.run(env(), "candles", "BTC-USD", "2m", "--venue", "bitstamp");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("interval is one of [1m, 5m, 1h, 1d], not 2m");
    }

    @Test
    void saysWhatToDoWhenStorageServiceIsNotRunning() {
        CliRun run = CliRun.run(Map.of("TICKFLOW_STORAGE_URL", "http://127.0.0.1:1"), "candles", "BTC-USD", "1h");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("did not answer").contains("./tickflow up");
    }

    private Map<String, String> env() {
        return Map.of(
                "TICKFLOW_STORAGE_URL",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }
}
