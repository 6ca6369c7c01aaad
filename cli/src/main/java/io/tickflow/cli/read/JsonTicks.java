package io.tickflow.cli.read;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes ticks out of JSON values in the two shapes of the tick-batch contract: a batch ({@code venue} and
 * {@code ticks}) or one bare tick. A tick's own {@code venue} wins over its batch's, which wins over {@code --venue}.
 * The tick's properties pass through untouched, numbers with every digit they had.
 */
final class JsonTicks {

    private final @Nullable String defaultVenue;

    JsonTicks(@Nullable String defaultVenue) {
        this.defaultVenue = defaultVenue;
    }

    /** Whatever {@code value} holds: the ticks of a batch, or one tick. */
    void fromValue(JsonNode value, long line, Consumer<ReadResult> out) {
        if (!value.isObject()) {
            out.accept(UnreadableLine.at(
                    line, "expected a tick or a tick batch (a JSON object), found " + describe(value)));
            return;
        }
        JsonNode ticks = value.get("ticks");
        if (ticks == null) {
            fromTick(value, line, defaultVenue, out);
            return;
        }
        if (!ticks.isArray()) {
            out.accept(UnreadableLine.at(line, "\"ticks\" is " + describe(ticks) + ", not an array"));
            return;
        }
        JsonNode venue = value.get("venue");
        if (venue != null && !venue.isString()) {
            out.accept(UnreadableLine.at(line, "the batch's \"venue\" is " + describe(venue) + ", not a string"));
            return;
        }
        String batchVenue = venue != null ? venue.stringValue() : defaultVenue;
        for (JsonNode tick : ticks) {
            fromTick(tick, line, batchVenue, out);
        }
    }

    /** One tick, belonging to {@code venue} unless it names its own. */
    void fromTick(JsonNode value, long line, @Nullable String venue, Consumer<ReadResult> out) {
        if (!(value instanceof ObjectNode object)) {
            out.accept(UnreadableLine.at(line, "a tick is a JSON object, not " + describe(value)));
            return;
        }
        ObjectNode tick = object.deepCopy();
        JsonNode own = tick.remove("venue");
        tick.remove("schema");
        if (own != null && !own.isString()) {
            out.accept(UnreadableLine.at(line, "the tick's \"venue\" is " + describe(own) + ", not a string"));
            return;
        }
        String resolved = own != null ? own.stringValue() : venue;
        if (resolved == null) {
            out.accept(UnreadableLine.at(
                    line, "the tick names no venue, nor does its batch (ahead of its ticks); pass --venue"));
            return;
        }
        out.accept(new RawTick(line, resolved, tick));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
