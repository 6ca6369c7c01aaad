package io.tickflow.cli.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Opens the reader for a format. */
public final class TickReaders {

    private TickReaders() {}

    /**
     * A reader of {@code in} in {@code format}; text formats are UTF-8.
     *
     * @throws IllegalArgumentException when a CSV header and the options do not say how to read its rows
     */
    public static TickReader open(Format format, InputStream in, ReadOptions options) throws IOException {
        return switch (format) {
            case CSV -> CsvTickReader.open(utf8(in), options);
            case NDJSON -> new NdjsonTickReader(utf8(in), options);
            case JSON -> new JsonTickReader(in, options);
        };
    }

    private static BufferedReader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
