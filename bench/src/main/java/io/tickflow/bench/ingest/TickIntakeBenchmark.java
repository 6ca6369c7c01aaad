package io.tickflow.bench.ingest;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.ingest.intake.AcceptedTick;
import io.tickflow.ingest.intake.IntakeResult;
import io.tickflow.ingest.intake.IntakeRules;
import io.tickflow.ingest.intake.TickIntake;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Ticks per second through ingest-service's intake (parse, validate, normalise), one message of {@value
 * #TICKS_PER_MESSAGE} ticks per invocation, so that the scores are ticks per second.
 *
 * <ul>
 *   <li>{@code streaming}: {@link TickIntake#read}, the path the SQS adapter takes: Jackson's token stream, hand-read
 *       decimals and times;
 *   <li>{@code databindBaseline}: the obvious alternative: Jackson databind of the whole message into the contract's
 *       {@link TickBatch} with {@code ContractJson.mapper()}, then the same checks on the records ({@link
 *       TickIntake#check});
 *   <li>{@code streamingWithIds}: {@code streaming} plus the de-duplication identity of every accepted tick (a SHA-256
 *       for ticks without a venue id);
 *   <li>{@code jacksonTokensOnly}: no intake at all, only what any reader built on Jackson's streaming parser must do:
 *       encode the body, walk its tokens and fetch the characters of every value. The ceiling of {@code streaming}.
 * </ul>
 *
 * <p>Run with {@link IntakeBenchmarkReport}, which adds the ratio of the first two to JMH's table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TickIntakeBenchmark {

    /** Ticks in each message, as a producer batching for SQS's message size would send them (about 50 KB). */
    public static final int TICKS_PER_MESSAGE = 500;

    /** Which messages: {@code bitstamp-trades} (trades only, no venue ids) or {@code mixed} (trades, quotes, bars). */
    @Param({"bitstamp-trades", "mixed"})
    public String batches;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final TickIntake intake = new TickIntake(IntakeRules.defaults(), Clock.systemUTC());
    private String[] messages = new String[0];
    private int next;

    @Setup(Level.Trial)
    public void buildMessages() {
        List<String> built =
                switch (batches) {
                    case "bitstamp-trades" -> MarketDataBatches.bitstampTrades(TICKS_PER_MESSAGE);
                    case "mixed" -> MarketDataBatches.mixed(TICKS_PER_MESSAGE);
                    default -> throw new IllegalArgumentException("No batches named " + batches);
                };
        // A benchmark of rejections would measure something else: every tick must pass, on both paths.
        for (String message : built) {
            IntakeResult streamed = intake.read("setup", message);
            IntakeResult bound = intake.check("setup", ContractJson.mapper().readValue(message, TickBatch.class));
            if (!streamed.rejections().isEmpty() || streamed.accepted().size() != TICKS_PER_MESSAGE) {
                throw new IllegalStateException("A benchmark message is not accepted whole: " + streamed.rejections());
            }
            if (!bound.accepted().equals(streamed.accepted())) {
                throw new IllegalStateException("The two paths disagree on a benchmark message");
            }
        }
        messages = built.toArray(String[]::new);
    }

    private String nextMessage() {
        String message = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return message;
    }

    @Benchmark
    @OperationsPerInvocation(TICKS_PER_MESSAGE)
    public IntakeResult streaming() {
        return intake.read("bench", nextMessage());
    }

    @Benchmark
    @OperationsPerInvocation(TICKS_PER_MESSAGE)
    public IntakeResult databindBaseline() {
        return intake.check("bench", ContractJson.mapper().readValue(nextMessage(), TickBatch.class));
    }

    @Benchmark
    @OperationsPerInvocation(TICKS_PER_MESSAGE)
    public void jacksonTokensOnly(Blackhole blackhole) {
        byte[] body = nextMessage().getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    blackhole.consume(parser.currentName());
                } else if (token.isScalarValue()) {
                    blackhole.consume(parser.getStringCharacters());
                    blackhole.consume(parser.getStringLength());
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(TICKS_PER_MESSAGE)
    public void streamingWithIds(Blackhole blackhole) {
        for (AcceptedTick tick : intake.read("bench", nextMessage()).accepted()) {
            blackhole.consume(tick.id());
        }
    }
}
