package io.tickflow.cli.batch;

import io.tickflow.cli.read.RawTick;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TickBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * Packs ticks, in the order read, into tick-batch messages of at most {@code maxTicks} ticks and {@code maxBytes}
 * bytes, starting a new message whenever the venue changes (a batch has one venue).
 *
 * <p>Where a message ends depends only on the ticks and the two limits, never on timing or on how sending goes, so
 * the same input always gives the same messages. Each tick is written exactly as read (see
 * {@link io.tickflow.cli.read}): the body is the contract's batch envelope, written with Jackson, around the ticks'
 * own JSON. Ticks are not turned into the contract's records first, so that a tick the contract would refuse still
 * reaches ingest-service, which records why it refused it.
 */
public final class MessageBatcher {

    private final int maxTicks;
    private final int maxBytes;
    private final Consumer<TickMessage> out;
    private final List<byte[]> ticks = new ArrayList<>();
    private @Nullable String venue;
    private int bytes;
    private long firstLine;
    private long lastLine;
    private @Nullable String envelopeVenue;
    private int envelopeSize;

    /**
     * @param maxTicks at most this many ticks per message
     * @param maxBytes at most this many bytes per message body
     * @param out receives each message once it is complete
     */
    public MessageBatcher(int maxTicks, int maxBytes, Consumer<TickMessage> out) {
        if (maxTicks < 1) {
            throw new IllegalArgumentException("maxTicks must be at least 1: " + maxTicks);
        }
        this.maxTicks = maxTicks;
        this.maxBytes = maxBytes;
        this.out = out;
    }

    /**
     * Adds a tick to the current message, first completing that message if the tick does not fit in it.
     *
     * @return null when added, or why this tick can never be sent (it alone is larger than a message may be)
     */
    public @Nullable String add(RawTick tick) {
        byte[] json;
        try {
            json = ContractJson.mapper().writeValueAsBytes(tick.fields());
        } catch (JacksonException e) {
            return "cannot be written as JSON: " + e.getOriginalMessage();
        }
        if (envelopeBytes(tick.venue()) + json.length > maxBytes) {
            return "the tick alone is " + json.length + " bytes, more than a message may hold (" + maxBytes + ")";
        }
        if (!ticks.isEmpty()
                && (!tick.venue().equals(venue) || ticks.size() == maxTicks || bytes + 1 + json.length > maxBytes)) {
            flush();
        }
        if (ticks.isEmpty()) {
            venue = tick.venue();
            bytes = envelopeBytes(tick.venue());
            firstLine = tick.line();
        } else {
            bytes++; // the comma before it
        }
        ticks.add(json);
        bytes += json.length;
        lastLine = tick.line();
        return null;
    }

    /** Completes the last message. */
    public void finish() {
        if (!ticks.isEmpty()) {
            flush();
        }
    }

    private void flush() {
        String currentVenue = Objects.requireNonNull(venue);
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes);
        try (JsonGenerator json = ContractJson.mapper().createGenerator(body)) {
            writeEnvelopeStart(json, currentVenue);
            for (byte[] tick : ticks) {
                json.writeRawValue(new String(tick, StandardCharsets.UTF_8));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        if (body.size() != bytes) {
            throw new IllegalStateException("Message size miscounted: " + body.size() + " bytes, expected " + bytes);
        }
        out.accept(new TickMessage(
                currentVenue, body.toString(StandardCharsets.UTF_8), bytes, ticks.size(), firstLine, lastLine));
        ticks.clear();
        venue = null;
        bytes = 0;
    }

    /** The size of a message for {@code venue} holding no ticks: {@code {"schema":...,"venue":...,"ticks":[]}}. */
    private int envelopeBytes(String venue) {
        if (!venue.equals(envelopeVenue)) {
            envelopeVenue = venue;
            envelopeSize = measureEnvelope(venue);
        }
        return envelopeSize;
    }

    private static int measureEnvelope(String venue) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(96);
        try (JsonGenerator json = ContractJson.mapper().createGenerator(body)) {
            writeEnvelopeStart(json, venue);
            json.writeEndArray();
            json.writeEndObject();
        }
        return body.size();
    }

    private static void writeEnvelopeStart(JsonGenerator json, String venue) {
        json.writeStartObject();
        json.writeStringProperty("schema", TickBatch.SCHEMA);
        json.writeStringProperty("venue", venue);
        json.writeName("ticks");
        json.writeStartArray();
    }
}
