package io.tickflow.cli.candles;

import io.tickflow.common.contract.ContractJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./tickflow candles SYMBOL INTERVAL [--venue V] [--from T] [--to T] [--url U]}: asks storage-service's read API
 * for the candles and prints them as a table. Without {@code --venue}, the venue is the one venue that has the symbol.
 */
public final class CandlesCommand {

    /** Exit statuses. */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static final String HELP =
            """
            Usage: ./tickflow candles SYMBOL INTERVAL [--venue NAME] [--from TIME] [--to TIME] [--url URL]

            Prints the OHLCV candles storage-service keeps for SYMBOL (e.g. BTC-USD) at INTERVAL (1m, 5m, 1h or
            1d) that open from --from up to --to: ISO-8601 instants (2013-11-25T10:00:00Z) or UTC dates
            (2013-11-25). Without --to, now; without --from, as far back as one request goes (5,000 candles).
            Without --venue, the only venue that has SYMBOL. --url is storage-service's address (default
            $TICKFLOW_STORAGE_URL, else http://127.0.0.1:8082, where ./tickflow up runs it).
            """;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public CandlesCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code candles} with its arguments; returns the exit status. */
    public int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return OK;
        }
        List<String> positional = new ArrayList<>();
        String venue = null;
        String from = null;
        String to = null;
        String url = env.getOrDefault("TICKFLOW_STORAGE_URL", "http://127.0.0.1:8082");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    return usage(arg + " needs a value");
                }
                String value = args.get(++i);
                switch (arg) {
                    case "--venue" -> venue = value;
                    case "--from" -> from = value;
                    case "--to" -> to = value;
                    case "--url" -> url = value;
                    default -> {
                        return usage("unknown option " + arg);
                    }
                }
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            return usage("give a SYMBOL and an INTERVAL, e.g. ./tickflow candles BTC-USD 1h");
        }
        String symbol = positional.get(0).toUpperCase(java.util.Locale.ROOT).replace('/', '-');
        String interval = positional.get(1);
        try {
            if (venue == null) {
                venue = onlyVenueOf(url, symbol);
                if (venue == null) {
                    return FAILED;
                }
            }
            StringBuilder path = new StringBuilder("/api/v1/instruments/")
                    .append(encode(venue))
                    .append('/')
                    .append(encode(symbol))
                    .append("/candles/")
                    .append(encode(interval));
            String separator = "?";
            if (from != null) {
                path.append(separator).append("from=").append(encode(from));
                separator = "&";
            }
            if (to != null) {
                path.append(separator).append("to=").append(encode(to));
            }
            JsonNode candles = get(url, path.toString());
            if (candles == null) {
                return FAILED;
            }
            print(symbol, venue, interval, candles);
            return OK;
        } catch (IOException e) {
            err.println("tickflow candles: storage-service at " + url + " did not answer (" + e.getMessage()
                    + "); is ./tickflow up running?");
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private @Nullable String onlyVenueOf(String url, String symbol) throws IOException, InterruptedException {
        JsonNode instruments = get(url, "/api/v1/instruments");
        if (instruments == null) {
            return null;
        }
        List<String> venues = new ArrayList<>();
        for (JsonNode instrument : instruments) {
            if (instrument.path("symbol").asString().equals(symbol)) {
                venues.add(instrument.path("venue").asString());
            }
        }
        if (venues.size() == 1) {
            return venues.getFirst();
        }
        err.println(
                venues.isEmpty()
                        ? "tickflow candles: no venue has " + symbol + " yet; send ticks first (./tickflow publish)"
                        : "tickflow candles: " + symbol + " trades at " + String.join(", ", venues)
                                + "; pick one with --venue");
        return null;
    }

    private @Nullable JsonNode get(String url, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = ContractJson.mapper().readTree(response.body());
        if (response.statusCode() != 200) {
            err.println("tickflow candles: " + body.path("detail").asString(response.body()));
            return null;
        }
        return body;
    }

    private void print(String symbol, String venue, String interval, JsonNode candles) {
        if (candles.isEmpty()) {
            out.println("No " + interval + " candles of " + symbol + " at " + venue + " in that range.");
            return;
        }
        String[] header = {"open time (UTC)", "open", "high", "low", "close", "volume", "vwap", "trades"};
        List<String[]> rows = new ArrayList<>();
        for (JsonNode c : candles) {
            rows.add(new String[] {
                c.path("openTime").asString().replace('T', ' ').replace("Z", ""),
                c.path("open").asString(),
                c.path("high").asString(),
                c.path("low").asString(),
                c.path("close").asString(),
                c.path("volume").asString(),
                c.path("vwap").isNull() || c.path("vwap").isMissingNode()
                        ? "-"
                        : shorten(c.path("vwap").asString()),
                c.path("tradeCount").asString()
            });
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println(symbol + " at " + venue + ", " + rows.size() + " candles of " + interval);
        out.println(line(header, widths));
        rows.forEach(row -> out.println(line(row, widths)));
    }

    /** A VWAP to 8 decimals: its exact value has up to 34 digits, more than a terminal wants. */
    private static String shorten(String vwap) {
        return new java.math.BigDecimal(vwap)
                .setScale(8, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            // The time left-aligned, numbers right-aligned.
            String format = i == 0 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
            line.append(String.format(format, cells[i]));
        }
        return line.toString();
    }

    private int usage(String problem) {
        err.println("tickflow candles: " + problem);
        err.println("See ./tickflow candles --help");
        return USAGE;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
