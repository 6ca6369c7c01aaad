package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.ingest.intake.Spellings.Invalid;
import io.tickflow.ingest.intake.Spellings.Spelling;
import io.tickflow.ingest.intake.Spellings.Valid;
import io.tickflow.ingest.intake.TickFields.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * Reads one ingest message in a single pass over Jackson's token stream, without building a tree or binding records:
 * each tick's fields go into a reused {@link TickFields}, {@link TickAssembler} judges them, and a rejected tick keeps
 * its original text, cut from the message by the parser's offsets.
 *
 * <p>Two choices make it fast enough for a million ticks a second per core: the message is parsed as UTF-8 bytes
 * (Jackson's fastest parser, even counting the encoding of the body), and property names are matched by Jackson's
 * {@link PropertyNameMatcher} straight from those bytes, as databind does, instead of being made into strings and
 * compared.
 *
 * <p>The message's own properties ({@code schema}, {@code venue}, {@code ticks}) may come in any order, so ticks are
 * read before it is known whether the message as a whole is acceptable; the checks of the whole come last, in a fixed
 * order (JSON, object, schema, venue, ticks), and a message that fails one keeps none of its ticks. Anything else at
 * the top level is a field of a bare tick, which is what the message is when it has no {@code ticks}.
 *
 * <p>A reader serves one message on one thread and is then dropped.
 */
final class MessageReader {

    /**
     * The JSON reader, tuned for untrusted input rather than shared with {@code ContractJson}: NaN and infinities are
     * read as tokens so that a producer writing them (Python's json module does) loses one tick, not the batch; number
     * length is not limited by the parser because {@link DecimalText} bounds digits itself, per tick; duplicate
     * properties are found per tick by {@link TickFields}, where the parser would fail the whole message.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final Field[] FIELDS = Field.values();
    private static final TickType[] TYPES = TickType.values();
    private static final Side[] SIDES = Side.values();

    // The message's own properties, numbered after the tick fields in the matcher below.
    private static final int SCHEMA = FIELDS.length;
    private static final int VENUE = FIELDS.length + 1;
    private static final int TICKS = FIELDS.length + 2;

    /** Every property name this reader knows; a name's index is its field's ordinal, or one of the three above. */
    private static final PropertyNameMatcher PROPERTIES = JSON.constructNameMatcher(
            Stream.concat(Stream.of(FIELDS).map(Field::wireName), Stream.of("schema", "venue", "ticks"))
                    .map(Named::fromString)
                    .toList(),
            false);

    private final IntakeRules rules;
    private final String messageId;
    private final @Nullable String body;
    private byte[] bytes = new byte[0];
    private final TickAssembler assembler;
    private final DecimalText decimals = new DecimalText();
    private final InstantText instants = new InstantText();
    private final TickFields tickFields = new TickFields();
    private final TickFields bareFields = new TickFields();

    private final List<Tick> acceptedTicks = new ArrayList<>();
    private int[] acceptedPositions = new int[64];
    private final List<Rejection> rejections = new ArrayList<>();

    // The previous symbol and what it normalised to: a batch mostly repeats one symbol, which is then read for free.
    private @Nullable String lastSentSymbol;
    private @Nullable Spelling lastSymbol;

    private int schemaCount;
    private @Nullable String schema;
    private String schemaShown = "";
    private int venueCount;
    private @Nullable String venueSent;
    private @Nullable JsonToken venueToken;
    private String venueShown = "";
    private @Nullable String venue;
    private int ticksCount;
    private @Nullable JsonToken ticksToken;
    private int tickCount;

    MessageReader(IntakeRules rules, Instant now, String messageId, @Nullable String body) {
        this.rules = rules;
        this.messageId = messageId;
        this.body = body;
        this.assembler = new TickAssembler(rules, now);
    }

    IntakeResult read() {
        if (body == null) {
            return rejectMessage(ReasonCode.INVALID_JSON.problem("the message has no body"), "");
        }
        // SQS bodies are Unicode text, so encoding loses nothing (a lone surrogate, which no SQS body holds, would
        // become '?').
        bytes = body.getBytes(StandardCharsets.UTF_8);
        Problem problem;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
            problem = readMessage(parser);
        } catch (UnexpectedEndOfInputException e) {
            // Bad input, not a failure of ours: it becomes the message's rejection (as do the two below).
            problem = ReasonCode.TRUNCATED_JSON.problem(describe(e));
        } catch (StreamConstraintsException e) {
            problem = ReasonCode.PARSER_LIMIT_EXCEEDED.problem(describe(e));
        } catch (JacksonException e) {
            problem = ReasonCode.INVALID_JSON.problem(describe(e));
        }
        if (problem != null) {
            return rejectMessage(problem, body);
        }
        // The venue may come after the ticks, so it is only now known for all of them.
        String messageVenue = requireVenue();
        List<AcceptedTick> accepted = new ArrayList<>(acceptedTicks.size());
        for (int i = 0; i < acceptedTicks.size(); i++) {
            accepted.add(new AcceptedTick(messageVenue, acceptedPositions[i], acceptedTicks.get(i)));
        }
        return new IntakeResult(messageId, messageVenue, accepted, rejections);
    }

    /** Reads the message; the problem of the message as a whole, or {@code null} if its ticks stand on their own. */
    private @Nullable Problem readMessage(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return ReasonCode.INVALID_JSON.problem("it is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            return ReasonCode.NOT_A_JSON_OBJECT.problem(kind(first));
        }
        int property;
        while ((property = parser.nextNameMatch(PROPERTIES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            JsonToken value = parser.nextToken();
            if (property == SCHEMA) {
                readSchema(parser, value);
            } else if (property == VENUE) {
                readVenue(parser, value);
            } else if (property == TICKS) {
                readTicks(parser, value);
            } else {
                readTickField(parser, property, value, bareFields);
            }
        }
        if (parser.nextToken() != null) {
            return ReasonCode.INVALID_JSON.problem("there is more after the message's closing brace");
        }
        return checkMessage();
    }

    private @Nullable Problem checkMessage() {
        if (schemaCount > 1 || venueCount > 1 || ticksCount > 1) {
            String twice = schemaCount > 1 ? "schema" : venueCount > 1 ? "venue" : "ticks";
            return ReasonCode.DUPLICATE_FIELD.problem("message", twice);
        }
        boolean batch = ticksCount > 0;
        if (schemaCount == 0 && batch) {
            return ReasonCode.MISSING_SCHEMA.problem();
        }
        if (schemaCount == 1 && !TickBatch.SCHEMA.equals(schema)) {
            return ReasonCode.UNKNOWN_SCHEMA.problem(schemaShown);
        }
        if (venueToken == null || venueToken == JsonToken.VALUE_NULL) {
            return ReasonCode.MISSING_VENUE.problem();
        }
        if (venueSent == null) {
            return ReasonCode.INVALID_VENUE.problem(venueShown, "it is a JSON " + kind(venueToken) + ", not a string");
        }
        switch (Spellings.venue(venueSent)) {
            case Valid valid -> venue = valid.name();
            case Invalid invalid -> {
                return invalid.problem();
            }
        }
        if (batch) {
            if (ticksToken != JsonToken.START_ARRAY) {
                return ReasonCode.TICKS_NOT_AN_ARRAY.problem(kind(requireTicksToken()));
            }
            if (tickCount == 0) {
                return ReasonCode.NO_TICKS.problem("its \"ticks\" array is empty");
            }
            if (tickCount > rules.maxTicksPerMessage()) {
                return ReasonCode.TOO_MANY_TICKS.problem(tickCount, rules.maxTicksPerMessage());
            }
            return null;
        }
        if (bareFields.isEmpty()) {
            return ReasonCode.NO_TICKS.problem("it has neither \"ticks\" nor the fields of a tick");
        }
        // One bare tick: it is the whole message, and position 0 of the batch it stands for.
        Problem problem = keep(bareFields, 0);
        if (problem != null) {
            String original = requireBody();
            rejections.add(
                    Rejection.of(problem, original, 0, original.length(), rules.maxOriginalLength(), messageId, 0));
        }
        return null;
    }

    private void readSchema(JsonParser parser, JsonToken value) {
        schemaCount++;
        schemaShown = shown(parser, value);
        schema = value == JsonToken.VALUE_STRING ? parser.getString() : null;
        parser.skipChildren();
    }

    private void readVenue(JsonParser parser, JsonToken value) {
        venueCount++;
        venueToken = value;
        venueShown = shown(parser, value);
        venueSent = value == JsonToken.VALUE_STRING ? parser.getString() : null;
        parser.skipChildren();
    }

    private void readTicks(JsonParser parser, JsonToken value) {
        ticksCount++;
        ticksToken = value;
        if (value != JsonToken.START_ARRAY || ticksCount > 1) {
            // Not an array, or a second "ticks": the message is rejected as a whole, its ticks are not read.
            parser.skipChildren();
            return;
        }
        int position = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (position < rules.maxTicksPerMessage()) {
                readTick(parser, token, position);
            } else {
                // Only counted, for the rejection's sentence: the message is rejected whole.
                parser.skipChildren();
            }
            position++;
        }
        tickCount = position;
    }

    private void readTick(JsonParser parser, JsonToken token, int position) {
        long start = parser.currentTokenLocation().getByteOffset();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            parser.finishToken(); // a string's end is only known once it is read
            rejectTick(ReasonCode.TICK_NOT_AN_OBJECT.problem(kind(token)), position, start, parser);
            return;
        }
        tickFields.reset();
        int property;
        while ((property = parser.nextNameMatch(PROPERTIES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            readTickField(parser, property, parser.nextToken(), tickFields);
        }
        Problem problem = keep(tickFields, position);
        if (problem != null) {
            rejectTick(problem, position, start, parser);
        }
    }

    /** Assembles a tick and keeps it if it is good; otherwise its problem. */
    private @Nullable Problem keep(TickFields fields, int position) {
        Tick tick = assembler.assemble(fields);
        if (tick == null) {
            return assembler.problem();
        }
        if (acceptedTicks.size() == acceptedPositions.length) {
            acceptedPositions = Arrays.copyOf(acceptedPositions, acceptedPositions.length * 2);
        }
        acceptedPositions[acceptedTicks.size()] = position;
        acceptedTicks.add(tick);
        return null;
    }

    /**
     * Reads one property of a tick into {@code fields}; the parser stands on its value and is left on its end.
     *
     * @param property the property's index in {@link #PROPERTIES}, or a negative "no match"
     */
    private void readTickField(JsonParser parser, int property, JsonToken value, TickFields fields) {
        Field field = property >= 0 && property < FIELDS.length ? FIELDS[property] : null;
        if (field == null || !fields.name(field)) {
            // A property the contract does not name is ignored (the contract's tolerant reader); a second value of a
            // field is skipped, and the tick is rejected for it if its type reads the field.
            parser.skipChildren();
            return;
        }
        if (value == JsonToken.VALUE_NULL) {
            return; // null is no value: an optional field stays absent, a required one is reported missing
        }
        switch (field) {
            case TYPE -> readType(parser, value, fields);
            case SYMBOL -> readSymbol(parser, value, fields);
            case TIME -> readTime(parser, value, fields);
            case SIDE -> readSide(parser, value, fields);
            case TRADE_ID -> readTradeId(parser, value, fields);
            case SEQUENCE -> readSequence(parser, value, fields);
            case INTERVAL -> readInterval(parser, value, fields);
            case PRICE, SIZE, BID, BID_SIZE, ASK, ASK_SIZE, OPEN, HIGH, LOW, CLOSE, VOLUME ->
                readDecimal(parser, value, field, fields);
        }
        parser.skipChildren(); // a field sent as an object or array was rejected above; step over its content
    }

    private void readType(JsonParser parser, JsonToken value, TickFields fields) {
        if (value == JsonToken.VALUE_STRING) {
            char[] text = parser.getStringCharacters();
            int offset = parser.getStringOffset();
            int length = parser.getStringLength();
            for (TickType type : TYPES) {
                if (matches(type.wireName(), text, offset, length)) {
                    fields.type(type);
                    return;
                }
            }
        }
        fields.fail(Field.TYPE, ReasonCode.UNKNOWN_TYPE.problem(shown(parser, value)));
    }

    private void readSymbol(JsonParser parser, JsonToken value, TickFields fields) {
        if (value != JsonToken.VALUE_STRING) {
            fields.fail(
                    Field.SYMBOL,
                    ReasonCode.INVALID_SYMBOL.problem(
                            shown(parser, value), "it is a JSON " + kind(value) + ", not a string"));
            return;
        }
        char[] text = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        int length = parser.getStringLength();
        Spelling symbol = lastSymbol;
        if (symbol == null || lastSentSymbol == null || !matches(lastSentSymbol, text, offset, length)) {
            lastSentSymbol = new String(text, offset, length);
            symbol = Spellings.symbol(lastSentSymbol);
            lastSymbol = symbol;
        }
        switch (symbol) {
            case Valid valid -> fields.symbol(valid.name());
            case Invalid invalid -> fields.fail(Field.SYMBOL, invalid.problem());
        }
    }

    private void readTime(JsonParser parser, JsonToken value, TickFields fields) {
        Instant time =
                switch (value) {
                    case VALUE_STRING ->
                        instants.parseIso(
                                parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    case VALUE_NUMBER_INT ->
                        instants.parseEpochMillis(
                                parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    case VALUE_NUMBER_FLOAT -> {
                        BigDecimal millis = decimals.parse(
                                parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength(), true);
                        yield millis == null
                                ? instants.failWith("it is not a number of milliseconds")
                                : instants.fromEpochMillis(millis);
                    }
                    default -> instants.failWith("it is a JSON " + kind(value) + ", not a string or a number");
                };
        if (time != null) {
            fields.time(time);
        } else {
            fields.fail(Field.TIME, instants.problem(shown(parser, value)));
        }
    }

    private void readDecimal(JsonParser parser, JsonToken value, Field field, TickFields fields) {
        if (value != JsonToken.VALUE_STRING
                && value != JsonToken.VALUE_NUMBER_INT
                && value != JsonToken.VALUE_NUMBER_FLOAT) {
            fields.fail(
                    field,
                    ReasonCode.INVALID_DECIMAL.problem(
                            field.wireName(), shown(parser, value), "it is a JSON " + kind(value)));
            return;
        }
        BigDecimal decimal = decimals.parse(
                parser.getStringCharacters(),
                parser.getStringOffset(),
                parser.getStringLength(),
                value != JsonToken.VALUE_STRING);
        if (decimal != null) {
            fields.decimal(field, decimal);
        } else {
            fields.fail(field, decimals.problem(field.wireName(), shown(parser, value)));
        }
    }

    private void readSide(JsonParser parser, JsonToken value, TickFields fields) {
        if (value == JsonToken.VALUE_STRING) {
            char[] text = parser.getStringCharacters();
            int offset = parser.getStringOffset();
            int length = parser.getStringLength();
            for (Side side : SIDES) {
                if (matches(side.wireName(), text, offset, length)) {
                    fields.side(side);
                    return;
                }
            }
        }
        fields.fail(Field.SIDE, ReasonCode.INVALID_SIDE.problem(shown(parser, value)));
    }

    private void readTradeId(JsonParser parser, JsonToken value, TickFields fields) {
        if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
            // An integer id is kept as the decimal text it was sent as, so 2101387 and "2101387" are one id.
            fields.tradeId(parser.getString());
            return;
        }
        fields.fail(
                Field.TRADE_ID,
                ReasonCode.INVALID_TRADE_ID.problem(
                        shown(parser, value), "it is a JSON " + kind(value) + ", not a string or an integer"));
    }

    private void readSequence(JsonParser parser, JsonToken value, TickFields fields) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            fields.fail(
                    Field.SEQUENCE,
                    ReasonCode.INVALID_SEQUENCE.problem(
                            shown(parser, value),
                            "it is a JSON " + kind(value)
                                    + (value == JsonToken.VALUE_NUMBER_FLOAT
                                            ? " with a fraction or exponent"
                                            : ", not an integer")));
            return;
        }
        char[] text = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        int length = parser.getStringLength();
        if (text[offset] == '-') {
            fields.fail(Field.SEQUENCE, ReasonCode.INVALID_SEQUENCE.problem(shown(parser, value), "it is negative"));
            return;
        }
        // Long.MAX_VALUE has 19 digits: fewer always fit, more never do, 19 only up to it.
        if (length > 19 || (length == 19 && new String(text, offset, length).compareTo("9223372036854775807") > 0)) {
            fields.fail(Field.SEQUENCE, ReasonCode.INVALID_SEQUENCE.problem(shown(parser, value), "it is too large"));
            return;
        }
        long sequence = 0;
        for (int i = offset; i < offset + length; i++) {
            sequence = sequence * 10 + (text[i] - '0');
        }
        fields.sequence(sequence);
    }

    private void readInterval(JsonParser parser, JsonToken value, TickFields fields) {
        if (value == JsonToken.VALUE_STRING) {
            fields.interval(parser.getString());
            return;
        }
        fields.fail(
                Field.INTERVAL,
                ReasonCode.INVALID_INTERVAL.problem(
                        shown(parser, value),
                        "it is a JSON " + kind(value) + ", not a string",
                        TickFields.SUPPORTED_INTERVALS));
    }

    /** Rejects the tick that began at byte {@code start} and ends where the parser stands. */
    private void rejectTick(Problem problem, int position, long start, JsonParser parser) {
        long end = parser.currentLocation().getByteOffset();
        // A message is far shorter than 2^31 bytes (SQS takes at most 1 MiB).
        String original = new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
        rejections.add(
                Rejection.of(problem, original, 0, original.length(), rules.maxOriginalLength(), messageId, position));
    }

    private IntakeResult rejectMessage(Problem problem, String text) {
        return IntakeResult.messageRejected(
                messageId, Rejection.of(problem, text, 0, text.length(), rules.maxOriginalLength(), messageId, null));
    }

    private String requireBody() {
        if (body == null) {
            throw new IllegalStateException("A message without a body has no ticks");
        }
        return body;
    }

    private String requireVenue() {
        if (venue == null) {
            throw new IllegalStateException("An accepted message has a venue");
        }
        return venue;
    }

    private JsonToken requireTicksToken() {
        if (ticksToken == null) {
            throw new IllegalStateException("A batch has \"ticks\"");
        }
        return ticksToken;
    }

    /** Whether {@code expected} is the text {@code c[offset, offset + length)}, without making a string of it. */
    static boolean matches(String expected, char[] c, int offset, int length) {
        if (expected.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (expected.charAt(i) != c[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** How a value was sent, for a sentence: strings quoted, numbers as written, containers elided. */
    private static String shown(JsonParser parser, JsonToken value) {
        return switch (value) {
            case VALUE_STRING -> Quoting.string(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Quoting.number(parser.getString());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "{…}";
            case START_ARRAY -> "[…]";
            default -> value.name();
        };
    }

    /** The JSON type of a value, as a sentence names it. */
    private static String kind(JsonToken value) {
        return switch (value) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> value.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Jackson's account of a syntax error, without its internal details, and where it happened. */
    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        for (String internal : List.of("\n", " (start marker at", " (for ", " at [Source")) {
            int cut = message.indexOf(internal);
            if (cut > 0) {
                message = message.substring(0, cut);
            }
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getByteOffset() >= 0) {
            // The parser reads the UTF-8 encoding of the message: in ASCII text a byte is a character.
            message = message + ", at byte " + location.getByteOffset();
        }
        return message;
    }
}
