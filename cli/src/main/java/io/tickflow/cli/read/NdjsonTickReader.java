package io.tickflow.cli.read;

import io.tickflow.common.contract.ContractJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one JSON value per line (NDJSON, JSON Lines): a tick, or a tick batch whose ticks all carry the batch's line
 * number. A line that is not JSON is unreadable on its own; the next line is read as usual.
 */
public final class NdjsonTickReader implements TickReader {

    private final BufferedReader in;
    private final JsonTicks ticks;
    private final Queue<ReadResult> pending = new ArrayDeque<>();
    private long line;

    public NdjsonTickReader(BufferedReader in, ReadOptions options) {
        this.in = in;
        this.ticks = new JsonTicks(options.venue());
    }

    @Override
    public @Nullable ReadResult next() throws IOException {
        while (pending.isEmpty()) {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode value;
            try {
                value = ContractJson.mapper().readTree(text);
            } catch (JacksonException e) {
                pending.add(UnreadableLine.at(line, "not JSON: " + JsonErrors.brief(e)));
                continue;
            }
            ticks.fromValue(value, line, pending::add);
        }
        return pending.poll();
    }

    @Override
    public String describe() {
        return "one tick or tick batch per line";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
