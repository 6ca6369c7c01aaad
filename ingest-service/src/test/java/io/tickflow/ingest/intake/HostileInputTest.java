package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.MESSAGE_ID;
import static io.tickflow.ingest.intake.Intakes.NOW;
import static io.tickflow.ingest.intake.Intakes.assertAccountedFor;
import static io.tickflow.ingest.intake.Intakes.intake;
import static io.tickflow.ingest.intake.TickJson.bar;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.batchFrom;
import static io.tickflow.ingest.intake.TickJson.quote;
import static io.tickflow.ingest.intake.TickJson.quoted;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractExample;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and hostile input, from seeded generators so that a failure reproduces: whatever arrives, no exception
 * escapes, and every message ends accepted or rejected with a reason, every tick exactly once.
 */
class HostileInputTest {

    private static final int MAX_ORIGINAL = IntakeRules.DEFAULT_MAX_ORIGINAL_LENGTH;

    private static final TickIntake INTAKE = intake();

    /** Reads {@code body}, failing the test with the body if anything is thrown. */
    private static IntakeResult survive(String body) {
        IntakeResult[] result = new IntakeResult[1];
        assertThatCode(() -> result[0] = INTAKE.read(MESSAGE_ID, body))
                .as("reading %s", body.length() > 300 ? body.substring(0, 300) + "…" : body)
                .doesNotThrowAnyException();
        return result[0];
    }

    private static List<String> validBodies() {
        List<String> bodies = new ArrayList<>(Contract.TICK_BATCH.examples().stream()
                .map(ContractExample::json)
                .toList());
        bodies.add(batch(trade(), quote(), bar(), trade().with("tradeId", "42").with("side", "\"buy\"")));
        return bodies;
    }

    @Test
    void everyCutOfAValidBatchEndsRejectedAsAWhole() {
        for (String body : validBodies()) {
            for (int cut = 0; cut < body.length(); cut++) {
                String prefix = body.substring(0, cut);

                IntakeResult result = survive(prefix);

                assertAccountedFor(result, -1, MAX_ORIGINAL);
                if (prefix.strip().equals(body.strip())) {
                    assertThat(result.messageRejected()).as(prefix).isFalse();
                } else {
                    assertThat(result.messageRejected()).as(prefix).isTrue();
                    assertThat(result.rejections().getFirst().code())
                            .as(prefix)
                            .isIn(ReasonCode.TRUNCATED_JSON, ReasonCode.INVALID_JSON);
                }
            }
        }
    }

    @Test
    void randomMutationsOfValidBatchesEndAccountedFor() {
        Random random = new Random(42);
        List<String> bodies = validBodies();
        String alphabet = "{}[]\":,-+.0123456789eE ntrufalsNIaxyz\\/_\u00e9\ud83d\ude80\u0000\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder(bodies.get(random.nextInt(bodies.size())));
            int mutations = 1 + random.nextInt(5);
            for (int m = 0; m < mutations && !body.isEmpty(); m++) {
                int at = random.nextInt(body.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(5)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, c);
                    case 2 -> body.setCharAt(at, c);
                    case 3 -> {
                        int end = Math.min(body.length(), at + 1 + random.nextInt(40));
                        body.insert(random.nextInt(body.length()), body.substring(at, end));
                    }
                    default -> body.delete(at, Math.min(body.length(), at + 1 + random.nextInt(20)));
                }
            }

            assertAccountedFor(survive(body.toString()), -1, MAX_ORIGINAL);
        }
    }

    @Test
    void randomBytesEndRejected() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String body =
                    new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

            IntakeResult result = survive(body);

            assertAccountedFor(result, -1, MAX_ORIGINAL);
            assertThat(result.accepted()).isEmpty();
        }
    }

    @Test
    void hostileValuesInAnyFieldSinkOnlyTheirTick() {
        Random random = new Random(2013);
        List<Supplier<TickJson>> kinds = List.of(TickJson::trade, TickJson::quote, TickJson::bar);
        List<String> fields = List.of(
                "type",
                "symbol",
                "time",
                "price",
                "size",
                "side",
                "tradeId",
                "sequence",
                "bid",
                "bidSize",
                "ask",
                "askSize",
                "interval",
                "open",
                "high",
                "low",
                "close",
                "volume",
                "unknown");
        for (int i = 0; i < 10_000; i++) {
            TickJson hostile = kinds.get(random.nextInt(kinds.size())).get();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                String field = fields.get(random.nextInt(fields.size()));
                if (random.nextInt(10) == 0) {
                    hostile.without(field);
                } else {
                    hostile.with(field, hostileValue(random));
                }
            }
            String body = batch(trade(), hostile, quote());

            IntakeResult result = survive(body);

            assertAccountedFor(result, 3, MAX_ORIGINAL);
            assertThat(result.accepted())
                    .as("%s: %s", hostile, result.rejections())
                    .extracting(AcceptedTick::position)
                    .contains(0, 2);
        }
    }

    @Test
    void hostileMessagePropertiesEndAccountedFor() {
        Random random = new Random(99);
        for (int i = 0; i < 5_000; i++) {
            String venue = random.nextBoolean() ? hostileValue(random) : "\"bitstamp\"";
            String schema = random.nextBoolean() ? hostileValue(random) : "\"tickflow.tick-batch.v1\"";
            String ticks = random.nextBoolean() ? hostileValue(random) : "[" + trade() + "]";
            String body = "{\"schema\":" + schema + ",\"venue\":" + venue + ",\"ticks\":" + ticks + "}";

            assertAccountedFor(survive(body), -1, MAX_ORIGINAL);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hugeInputsEndAccountedForInLinearTime() {
        String megabyte = "x".repeat(1 << 20);
        List<String> bodies = List.of(
                batch(trade().withString("symbol", megabyte)),
                batch(trade().withString("tradeId", megabyte)),
                batch(trade().with("price", "1" + "0".repeat(1 << 20))),
                batch(trade().with("price", "0." + "0".repeat(1 << 20) + "1e1048577")),
                batch(trade().with("time", "1" + "0".repeat(1 << 20))),
                batch(trade().with("sequence", "9".repeat(1 << 20))),
                batch(trade().with("unknown", quoted(megabyte))),
                batchFrom(quoted(megabyte), trade()),
                "{" + quoted(megabyte) + ":1}",
                " ".repeat(1 << 20),
                "[".repeat(1 << 20),
                "{\"a\":".repeat(100_000),
                batch(trade().with("deep", "[".repeat(100_000) + "]".repeat(100_000))),
                megabyte);
        for (String body : bodies) {
            assertAccountedFor(survive(body), -1, MAX_ORIGINAL);
        }
    }

    @Test
    void generatedValidTicksAreAcceptedAsTheirNormalForm() {
        Random random = new Random(1385343668123L);
        for (int i = 0; i < 5_000; i++) {
            String base = List.of("BTC", "ETH", "SOL", "AAPL", "6E").get(random.nextInt(5));
            String quote = List.of("USD", "EUR", "USDT").get(random.nextInt(3));
            String separator = List.of("-", "/", "_").get(random.nextInt(3));
            String symbol = base + separator + quote;
            String sent = random.nextBoolean() ? symbol.toLowerCase(Locale.ROOT) : symbol;
            Instant time = Instant.ofEpochMilli(random.nextLong(86_400_000L, NOW.toEpochMilli()));
            BigDecimal price = BigDecimal.valueOf(1 + random.nextLong(1_000_000_000_000L), random.nextInt(13));
            BigDecimal size = BigDecimal.valueOf(random.nextLong(1_000_000_000L), random.nextInt(13));
            Side side = random.nextBoolean() ? null : Side.values()[random.nextInt(2)];
            TickJson tick = trade().withString("symbol", sent)
                    .with("time", spelledTime(random, time))
                    .with("price", random.nextBoolean() ? "\"" + price.toPlainString() + "\"" : price.toPlainString())
                    .with("size", random.nextBoolean() ? "\"" + size.toPlainString() + "\"" : size.toPlainString());
            if (side != null) {
                tick.with("side", "\"" + side.wireName() + "\"");
            }

            IntakeResult result = survive(batch(tick));

            assertThat(result.rejections()).as(tick.toString()).isEmpty();
            assertThat(result.accepted().getFirst().tick())
                    .isEqualTo(new Trade(base + "-" + quote, time, price, size, side, null, null));
        }
    }

    private static String spelledTime(Random random, Instant time) {
        return switch (random.nextInt(3)) {
            case 0 -> Long.toString(time.toEpochMilli());
            case 1 -> "\"" + time + "\"";
            default -> {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-48, 49) * 15 * 60);
                yield "\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(offset)) + "\"";
            }
        };
    }

    /** {@code value} inside {@code depth} levels of {@code open} and {@code close}: valid JSON below the depth limit. */
    private static String nested(int depth, String open, String value, String close) {
        return open.repeat(depth) + value + close.repeat(depth);
    }

    /**
     * A value chosen to hurt (wrong types, huge or absurd numbers, NaN, nesting, long strings, traversal), yet valid
     * JSON within the parser's limits, so that only its tick may sink.
     */
    private static String hostileValue(Random random) {
        return switch (random.nextInt(24)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> "{}";
            case 3 -> "[]";
            case 4 -> "NaN";
            case 5 -> "-Infinity";
            case 6 -> "1e" + random.nextInt(100_000);
            case 7 -> "-1e-" + random.nextInt(100_000);
            case 8 -> "9".repeat(1 + random.nextInt(5_000));
            case 9 -> "-" + random.nextLong(Long.MAX_VALUE);
            case 10 -> quoted("../".repeat(1 + random.nextInt(20)) + "etc/passwd");
            case 11 -> quoted("x".repeat(random.nextInt(20_000)));
            case 12 -> nested(random.nextInt(400), "[", "1", "]");
            case 13 -> nested(random.nextInt(400), "{\"a\":", "1", "}");
            case 14 -> quoted("\u0000\u0001\u001f");
            case 15 -> quoted("\ud83d\ude80" + random.nextInt());
            case 16 -> quoted(Long.toString(random.nextLong()));
            case 17 -> "\"\\ud800\"";
            case 18 -> quoted("2013-11-25T01:41:" + random.nextInt(100) + "Z");
            case 19 -> quoted("symbol=" + random.nextInt());
            case 20 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-400, 400)));
            case 21 -> "0." + "0".repeat(random.nextInt(100)) + random.nextInt(1000);
            case 22 -> quoted(random.nextBoolean() ? "buy" : "1m");
            default -> "\"\"";
        };
    }
}
