package io.tickflow.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The collections in a {@code -Xlog:gc:file=...:timemillis} log: when, what kind, heap before and after. */
final class GcLog {

    /**
     * One collection.
     *
     * @param epochMillis when it ended, by the wall clock
     * @param kind {@code Pause Young (Normal) (G1 Evacuation Pause)}, {@code Pause Full ...}, ...
     * @param afterBytes heap in use after it: what was still live, plus what it did not collect
     */
    record Collection(
            long epochMillis, String kind, long beforeBytes, long afterBytes, long heapBytes, double pauseMillis) {}

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d+)ms] GC\\(\\d+\\) (.+?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([0-9.]+)ms");

    private GcLog() {}

    static List<Collection> read(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Collection> collections = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                collections.add(new Collection(
                        Long.parseLong(m.group(1)),
                        m.group(2),
                        bytes(m.group(3), m.group(4)),
                        bytes(m.group(5), m.group(6)),
                        bytes(m.group(7), m.group(8)),
                        Double.parseDouble(m.group(9))));
            }
        }
        return collections;
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
