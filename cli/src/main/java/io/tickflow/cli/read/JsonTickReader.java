package io.tickflow.cli.read;

import io.tickflow.common.contract.ContractJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Queue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON document with a streaming parser, one tick at a time, so that a file of any size takes no more memory
 * than its largest tick. The document (or each of several concatenated ones) is
 *
 * <ul>
 *   <li>an array whose elements are ticks or tick batches, or
 *   <li>a tick batch object, {@code {"schema":..., "venue":..., "ticks":[...]}}, whose ticks are streamed; its
 *       {@code venue} must come before {@code ticks} to apply to them (as every Tickflow writer puts it), or
 *   <li>one bare tick object.
 * </ul>
 *
 * <p>Line numbers are those where each tick starts. JSON whose syntax breaks leaves no way to find the next tick: the
 * rest of the document is reported as unreadable from that line on.
 */
public final class JsonTickReader implements TickReader {

    private enum Where {
        TOP,
        TOP_ARRAY,
        OBJECT,
        OBJECT_TICKS
    }

    /** Reads one value from where the parser stands; the document goes on after it, so no trailing-token check. */
    private static final ObjectReader TREES =
            ContractJson.mapper().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private final JsonTicks ticks;
    private final @Nullable String defaultVenue;
    private final Queue<ReadResult> pending = new ArrayDeque<>();
    private Where where = Where.TOP;
    private ObjectNode object = ContractJson.mapper().createObjectNode();
    private boolean objectHasTicks;
    private long objectLine;
    private boolean broken;

    public JsonTickReader(InputStream in, ReadOptions options) {
        this.parser = ContractJson.mapper().createParser(in);
        this.ticks = new JsonTicks(options.venue());
        this.defaultVenue = options.venue();
    }

    @Override
    public @Nullable ReadResult next() throws IOException {
        while (pending.isEmpty() && !broken) {
            try {
                if (!advance()) {
                    return null;
                }
            } catch (JacksonIOException e) {
                throw e.getCause();
            } catch (JacksonException e) {
                broken = true;
                long line = e.getLocation() != null ? e.getLocation().getLineNr() : lineOfToken();
                pending.add(new UnreadableLine(
                        line,
                        "malformed JSON: " + JsonErrors.brief(e) + "; nothing after this point can be read",
                        true));
            }
        }
        return pending.poll();
    }

    /** Reads the next token (and the value it starts, where that is a tick); false at the end of the input. */
    private boolean advance() {
        JsonToken token = parser.nextToken();
        long line = lineOfToken();
        switch (where) {
            case TOP -> {
                if (token == null) {
                    return false;
                }
                if (token == JsonToken.START_ARRAY) {
                    where = Where.TOP_ARRAY;
                } else if (token == JsonToken.START_OBJECT) {
                    where = Where.OBJECT;
                    object = ContractJson.mapper().createObjectNode();
                    objectHasTicks = false;
                    objectLine = line;
                } else {
                    pending.add(UnreadableLine.at(line, "expected a JSON array or object, found " + token));
                }
            }
            case TOP_ARRAY -> {
                if (token == JsonToken.END_ARRAY) {
                    where = Where.TOP;
                } else {
                    ticks.fromValue(TREES.readValue(parser), line, pending::add);
                }
            }
            case OBJECT -> {
                if (token == JsonToken.END_OBJECT) {
                    where = Where.TOP;
                    if (!objectHasTicks) {
                        ticks.fromTick(object, objectLine, defaultVenue, pending::add);
                    }
                } else {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("ticks".equals(name)) {
                        objectHasTicks = true;
                        if (value == JsonToken.START_ARRAY) {
                            where = Where.OBJECT_TICKS;
                        } else {
                            parser.skipChildren();
                            pending.add(UnreadableLine.at(line, "\"ticks\" is not an array"));
                        }
                    } else {
                        object.set(name, TREES.readValue(parser));
                    }
                }
            }
            case OBJECT_TICKS -> {
                if (token == JsonToken.END_ARRAY) {
                    where = Where.OBJECT;
                } else {
                    ticks.fromTick(TREES.readValue(parser), line, batchVenue(), pending::add);
                }
            }
        }
        return true;
    }

    private @Nullable String batchVenue() {
        JsonNode venue = object.get("venue");
        return venue != null && venue.isString() ? venue.stringValue() : defaultVenue;
    }

    private long lineOfToken() {
        return parser.currentTokenLocation().getLineNr();
    }

    @Override
    public String describe() {
        return "a JSON array of ticks or a tick batch";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
