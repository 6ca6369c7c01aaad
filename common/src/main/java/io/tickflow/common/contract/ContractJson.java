package io.tickflow.common.contract;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapping of Tickflow's contracts: every producer and consumer reads and writes messages with it, so that all
 * of them agree on numbers, times and unknown fields.
 *
 * <ul>
 *   <li><b>Exact decimals.</b> Prices, sizes and every other decimal are {@link BigDecimal}, never {@code double}; they
 *       are written as JSON strings in plain notation ({@code "800.0100000001"}) so that no reader in any language
 *       rounds them, and read from strings or JSON numbers without losing a digit. Untyped numbers (inside a
 *       {@code JsonNode}) are read as {@link BigDecimal} too, trailing zeros kept.
 *   <li><b>Times.</b> {@link Instant}s are written as ISO-8601 UTC strings ({@code 2013-11-25T01:41:08.123Z}) and
 *       read from an ISO-8601 string with {@code Z} or an offset, or from an integer number of epoch milliseconds.
 *   <li><b>Tolerant reader.</b> Unknown properties are ignored, so producers can add optional fields without breaking
 *       consumers; absent optional fields are not written (no {@code null}s).
 *   <li><b>Strict where it matters.</b> A duplicated property ({@code "price"} twice) or trailing content is an error,
 *       not a silent last-one-wins.
 *   <li>Properties are written in the order the record declares them.
 * </ul>
 *
 * <p>Use {@link #mapper()} directly, or {@link #configure(JsonMapper.Builder)} to apply the same settings to a mapper
 * another framework builds (in Spring Boot, a {@code JsonMapperBuilderCustomizer}: {@code ContractJson::configure}).
 */
public final class ContractJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private ContractJson() {}

    /** The shared mapper; Jackson 3 mappers are immutable and safe to share between threads. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder with Tickflow's settings applied, for a mapper that needs more (modules, features) on top. */
    public static JsonMapper.Builder builder() {
        return configure(JsonMapper.builder());
    }

    /** Applies Tickflow's settings to {@code builder} and returns it. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                // Exact decimals, in and out.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .withConfigOverride(
                        BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Times: ISO-8601 out; ISO-8601 or epoch milliseconds in.
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .addModule(new SimpleModule("tickflow-contracts").addDeserializer(Instant.class, new InstantReader()))
                // Tolerant of what it does not know, strict about what is ambiguous.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }

    /**
     * Reads an instant from ISO-8601 text or from epoch milliseconds. Jackson's own reader takes a fractional number
     * as epoch <em>seconds</em>, so {@code 1385343668123.0} (what many JSON writers make of a millisecond count held
     * in a float) would land some forty thousand years ahead; here it is the millisecond it says, and a true fraction
     * is an error.
     */
    private static final class InstantReader extends StdScalarDeserializer<Instant> {

        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return switch (parser.currentToken()) {
                case VALUE_STRING -> parse(parser.getString(), context);
                case VALUE_NUMBER_INT -> Instant.ofEpochMilli(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> fromDecimal(parser.getDecimalValue(), context);
                default -> (Instant) context.handleUnexpectedToken(Instant.class, parser);
            };
        }

        private static Instant parse(String text, DeserializationContext context) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw context.weirdStringException(
                        text, Instant.class, "expected an ISO-8601 date-time with Z or an offset");
            }
        }

        private static Instant fromDecimal(BigDecimal millis, DeserializationContext context) {
            try {
                return Instant.ofEpochMilli(millis.longValueExact());
            } catch (ArithmeticException e) {
                throw context.weirdNumberException(millis, Instant.class, "expected whole epoch milliseconds");
            }
        }
    }
}
