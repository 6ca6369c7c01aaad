package io.tickflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test inputs: resources copied to files, text written to files, gzip. */
final class TestFiles {

    /** A slice of ta4j-examples' Bitstamp trades: the header and the first 40 rows, CRLF line ends as in the original. */
    static final String BITSTAMP_SLICE = "/io/tickflow/cli/bitstamp-slice.csv";

    /** ta4j-examples' Bitstamp BTC/USD trades, at the root of its jar. */
    static final String BITSTAMP_FULL = "/bitstamp_trades_from_20131125_usd.csv";

    /** ta4j-examples' Apple daily bars of 2013, at the root of its jar. */
    static final String APPLE_BARS = "/appleinc_bars_from_20130101_usd.csv";

    private TestFiles() {}

    static byte[] resource(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path dir, String fileName) throws IOException {
        return Files.write(dir.resolve(fileName), resource(resource));
    }

    static Path write(Path dir, String fileName, String text) throws IOException {
        return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The data rows of a CSV resource: its non-blank lines after the header. */
    static List<String> csvRows(String resource) {
        List<String> lines = new String(resource(resource), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        return lines.subList(1, lines.size());
    }
}
