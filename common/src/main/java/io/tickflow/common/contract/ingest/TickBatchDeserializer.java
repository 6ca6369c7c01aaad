package io.tickflow.common.contract.ingest;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads both shapes of {@link TickBatch}: the batch ({@code venue} and {@code ticks}) and the bare tick that carries its
 * own {@code venue}. Which one it is depends only on the presence of {@code ticks}, as in the JSON Schema.
 */
final class TickBatchDeserializer extends StdDeserializer<TickBatch> {

    TickBatchDeserializer() {
        super(TickBatch.class);
    }

    @Override
    public TickBatch deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        JsonNode message = context.readTree(parser);
        if (!(message instanceof ObjectNode object)) {
            return context.reportInputMismatch(this, "A tick message is a JSON object, not %s", message.getNodeType());
        }
        JsonNode venue = object.get("venue");
        if (venue == null || !venue.isString()) {
            return context.reportInputMismatch(this, "A tick message names its venue in a string property \"venue\"");
        }
        List<Tick> ticks;
        if (object.has("ticks")) {
            JsonNode array = object.get("ticks");
            if (!array.isArray()) {
                return context.reportInputMismatch(this, "\"ticks\" is an array of ticks");
            }
            JavaType listOfTicks = context.getTypeFactory().constructCollectionType(List.class, Tick.class);
            ticks = context.readTreeAsValue(array, listOfTicks);
        } else {
            ObjectNode tick = object.deepCopy();
            tick.remove("venue");
            tick.remove("schema");
            ticks = List.of(context.readTreeAsValue(tick, Tick.class));
        }
        try {
            return new TickBatch(venue.stringValue(), ticks);
        } catch (IllegalArgumentException | NullPointerException broken) {
            // The record's own checks: an empty batch, or a null in "ticks".
            return context.reportInputMismatch(this, "Not a valid tick batch: %s", broken.getMessage());
        }
    }
}
