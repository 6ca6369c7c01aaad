package io.tickflow.cli.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV one line at a time. Blank lines are skipped; the first other line is the header unless
 * {@link ReadOptions#header()} says there is none. Records do not span lines (see {@link CsvLine}).
 */
public final class CsvTickReader implements TickReader {

    private static final char BOM = '\uFEFF';

    private final BufferedReader in;
    private final char delimiter;
    private final CsvLayout layout;
    private long line;

    private CsvTickReader(BufferedReader in, char delimiter, CsvLayout layout, long line) {
        this.in = in;
        this.delimiter = delimiter;
        this.layout = layout;
        this.line = line;
    }

    /**
     * Reads the header (if any) and decides the layout.
     *
     * @throws IllegalArgumentException when the options and the header do not give every field a source
     */
    public static CsvTickReader open(BufferedReader in, ReadOptions options) throws IOException {
        List<String> header = null;
        long line = 0;
        if (options.header()) {
            String text;
            do {
                text = in.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                throw new IllegalArgumentException("The input is empty: no header, no rows");
            }
            CsvLine split = CsvLine.split(stripBom(text), options.delimiter());
            if (split.problem() != null) {
                throw new IllegalArgumentException("The header (line " + line + ") is unreadable: " + split.problem());
            }
            header = split.fields().stream().map(String::trim).toList();
        }
        return new CsvTickReader(in, options.delimiter(), CsvLayout.resolve(header, options), line);
    }

    @Override
    public @Nullable ReadResult next() throws IOException {
        String text;
        do {
            text = in.readLine();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        if (line == 1) {
            text = stripBom(text);
        }
        CsvLine split = CsvLine.split(text, delimiter);
        if (split.problem() != null) {
            return UnreadableLine.at(line, split.problem());
        }
        return layout.toTick(split.fields(), line);
    }

    @Override
    public String describe() {
        return layout.describe();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
