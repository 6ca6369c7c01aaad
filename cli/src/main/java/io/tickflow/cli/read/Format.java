package io.tickflow.cli.read;

import java.util.Locale;
import java.util.Optional;

/** The text formats the CLI reads. */
public enum Format {
    /** Comma (or otherwise) separated values, one tick per line. */
    CSV,
    /** One JSON value per line: a tick or a tick batch. */
    NDJSON,
    /** One JSON document: an array of ticks (or batches), or a tick batch object. */
    JSON;

    /** {@code csv}, {@code ndjson} or {@code json}, as written on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named on the command line. */
    public static Optional<Format> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv", "tsv" -> Optional.of(CSV);
            case "ndjson", "jsonl", "jsonlines" -> Optional.of(NDJSON);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format a file or object name says by its extension, a {@code .gz} suffix aside. */
    public static Optional<Format> ofName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        int dot = lower.lastIndexOf('.');
        int slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
        if (dot <= slash + 1) {
            return Optional.empty();
        }
        return named(lower.substring(dot + 1));
    }
}
