package io.tickflow.cli.read;

import static io.tickflow.cli.read.TickField.INTERVAL;
import static io.tickflow.cli.read.TickField.SYMBOL;
import static io.tickflow.cli.read.TickField.TIME;
import static io.tickflow.cli.read.TickField.VENUE;

import io.tickflow.common.contract.ContractJson;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which CSV column, or which constant from the command line, fills each property of a tick, decided once from the
 * header and the options and then applied to every row.
 *
 * <p>Where a field's value comes from, first match wins: {@code --columns}, else a {@link CsvPreset} the header
 * matches; {@code --venue}, {@code --symbol}, {@code --interval} (or the preset's defaults); and last a column named
 * like the contract property ({@code symbol}, {@code tradeId}, ...), so a CSV written with the contract's names needs
 * no mapping at all.
 */
final class CsvLayout {

    private static final Pattern COLUMN_NUMBER = Pattern.compile("#?([1-9][0-9]{0,4})");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1,18}");
    private static final int QUOTED_TEXT_LIMIT = 60;

    /** A column of the file: its 0-based index and how to name it in messages. */
    private record Column(int index, String label) {}

    /** Where one field's value comes from: a column (read with {@code time} when it is the time) or a constant. */
    private record Source(@Nullable Column column, @Nullable String constant, TimeFormat time) {

        static Source of(Column column, TimeFormat time) {
            return new Source(column, null, time);
        }

        static Source constant(String value) {
            return new Source(null, value, TimeFormat.auto());
        }

        String describe(TickField field) {
            if (column == null) {
                return field.wireName() + " " + constant;
            }
            return field.wireName() + "=" + column.label() + (field == TIME ? " (" + time.spec() + ")" : "");
        }
    }

    private final TickKind kind;
    private final Map<TickField, Source> sources;
    private final int headerFields;
    private final int minFields;
    private final String description;

    private CsvLayout(TickKind kind, Map<TickField, Source> sources, int headerFields, String origin) {
        this.kind = kind;
        this.sources = sources;
        this.headerFields = headerFields;
        this.minFields = sources.values().stream()
                        .filter(s -> s.column() != null)
                        .mapToInt(s -> s.column().index())
                        .max()
                        .orElse(-1)
                + 1;
        List<TickField> described = new ArrayList<>(kind.fields());
        described.add(0, VENUE);
        this.description = kind.wireName() + "s, "
                + described.stream()
                        .filter(sources::containsKey)
                        .map(f -> sources.get(f).describe(f))
                        .collect(Collectors.joining(", "))
                + origin;
    }

    /**
     * The layout for a file with this header (null when it has none) and these options.
     *
     * @throws IllegalArgumentException when the options name columns the file does not have, or leave a required field
     *     without a source; the message says what to pass
     */
    static CsvLayout resolve(@Nullable List<String> header, ReadOptions options) {
        Map<TickField, Source> sources = new EnumMap<>(TickField.class);
        Set<TickField> explicit = EnumSet.noneOf(TickField.class);
        CsvPreset preset = null;
        String origin = "";
        if (options.columns() != null) {
            mapColumns(options.columns(), header, sources);
            explicit.addAll(sources.keySet());
        } else if (header != null) {
            preset = CsvPreset.matching(header).orElse(null);
            if (preset != null) {
                for (Map.Entry<TickField, String> e : preset.columns().entrySet()) {
                    TimeFormat time = e.getKey() == TIME ? preset.timeFormat() : TimeFormat.auto();
                    sources.put(e.getKey(), Source.of(column(header, e.getValue()), time));
                }
                origin = " (recognised as " + preset.label() + ")";
            }
        }
        constant(VENUE, options.venue(), preset, sources, explicit, "--venue");
        constant(SYMBOL, options.symbol(), preset, sources, explicit, "--symbol");
        constant(INTERVAL, options.interval(), preset, sources, explicit, "--interval");
        if (header != null) {
            for (TickField field : TickField.values()) {
                if (!sources.containsKey(field)) {
                    indexOf(header, field.wireName())
                            .ifPresent(i ->
                                    sources.put(field, Source.of(new Column(i, header.get(i)), TimeFormat.auto())));
                }
            }
        }
        CsvPreset recognised = preset;
        TickKind kind = Optional.ofNullable(options.kind())
                .or(() -> Optional.ofNullable(recognised).map(CsvPreset::kind))
                .or(() -> TickKind.inferredFrom(sources.keySet()))
                .orElseThrow(
                        () -> new IllegalArgumentException("Cannot tell whether the rows are trades, quotes or bars"
                                + columnsOf(header) + ": pass --type trade|quote|bar and map the columns with --columns"
                                + " (see --help)"));
        for (TickField field : explicit) {
            if (field != VENUE && !kind.fields().contains(field)) {
                throw new IllegalArgumentException(
                        "--columns maps " + field.wireName() + ", which a " + kind.wireName() + " does not have");
            }
        }
        sources.keySet().removeIf(f -> f != VENUE && !kind.fields().contains(f));
        List<String> missing = new ArrayList<>();
        if (!sources.containsKey(VENUE)) {
            missing.add("venue (pass --venue or map a column)");
        }
        for (TickField field : kind.fields()) {
            if (kind.requires(field) && !sources.containsKey(field)) {
                missing.add(
                        switch (field) {
                            case SYMBOL -> "symbol (pass --symbol or map a column)";
                            case INTERVAL -> "interval (pass --interval, e.g. 1d, or map a column)";
                            default ->
                                field.wireName() + " (map a column: --columns " + field.wireName() + "=<column>)";
                        });
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To read " + kind.wireName() + "s" + columnsOf(header)
                    + " the CLI needs a source for: " + String.join(", ", missing));
        }
        return new CsvLayout(kind, sources, header == null ? -1 : header.size(), origin);
    }

    /** Turns the fields of one row into a tick, or says why they do not make one. */
    ReadResult toTick(List<String> fields, long line) {
        if (headerFields > 0 && fields.size() != headerFields) {
            return UnreadableLine.at(line, "has " + fields.size() + " fields where the header has " + headerFields);
        }
        if (fields.size() < minFields) {
            return UnreadableLine.at(line, "has " + fields.size() + " fields, but column #" + minFields + " is mapped");
        }
        ObjectNode tick = ContractJson.mapper().createObjectNode();
        tick.put("type", kind.wireName());
        for (TickField field : kind.fields()) {
            Source source = sources.get(field);
            if (source == null) {
                continue;
            }
            String text = valueOf(source, fields);
            if (text.isEmpty()) {
                if (kind.requires(field)) {
                    return UnreadableLine.at(line, "empty " + field.wireName() + " (" + labelOf(source) + ")");
                }
                continue;
            }
            switch (field.encoding()) {
                case TEXT -> tick.put(field.wireName(), text);
                case INTEGER -> {
                    if (SEQUENCE.matcher(text).matches()) {
                        tick.put(field.wireName(), Long.parseLong(text));
                    } else {
                        tick.put(field.wireName(), text);
                    }
                }
                case TIME -> {
                    try {
                        tick.put(field.wireName(), source.time().parse(text).toString());
                    } catch (DateTimeException e) {
                        return UnreadableLine.at(
                                line,
                                field.wireName() + " " + quoted(text) + " (" + labelOf(source) + ") is not a time in "
                                        + source.time().spec() + " format");
                    }
                }
            }
        }
        String venue = valueOf(sources.get(VENUE), fields);
        if (venue.isEmpty()) {
            return UnreadableLine.at(line, "empty venue (" + labelOf(sources.get(VENUE)) + ")");
        }
        return new RawTick(line, venue, tick);
    }

    String describe() {
        return description;
    }

    private static String valueOf(Source source, List<String> fields) {
        return source.constant() != null
                ? source.constant()
                : fields.get(source.column().index()).trim();
    }

    private static String labelOf(Source source) {
        return source.column() == null
                ? "from the command line"
                : "column " + source.column().label();
    }

    private static void mapColumns(String spec, @Nullable List<String> header, Map<TickField, Source> sources) {
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "--columns takes field=column[:format] entries separated by commas, not \"" + entry.trim()
                                + "\"");
            }
            String fieldName = entry.substring(0, eq);
            TickField field = TickField.named(fieldName)
                    .orElseThrow(() -> new IllegalArgumentException("--columns: \"" + fieldName.trim()
                            + "\" is not a tick field; fields are "
                            + Arrays.stream(TickField.values())
                                    .map(TickField::wireName)
                                    .collect(Collectors.joining(", "))));
            String target = entry.substring(eq + 1);
            TimeFormat time = TimeFormat.auto();
            int colon = target.indexOf(':');
            if (colon >= 0) {
                if (field != TIME) {
                    throw new IllegalArgumentException(
                            "--columns: only time takes a format (after a colon), not " + field.wireName());
                }
                time = TimeFormat.of(target.substring(colon + 1));
                target = target.substring(0, colon);
            }
            if (sources.put(field, Source.of(column(header, target), time)) != null) {
                throw new IllegalArgumentException("--columns maps " + field.wireName() + " twice");
            }
        }
    }

    private static void constant(
            TickField field,
            @Nullable String option,
            @Nullable CsvPreset preset,
            Map<TickField, Source> sources,
            Set<TickField> explicit,
            String optionName) {
        if (option != null) {
            if (explicit.contains(field)) {
                throw new IllegalArgumentException(
                        optionName + " and --columns " + field.wireName() + "=... both say where it comes from");
            }
            sources.put(field, Source.constant(option));
        } else if (!sources.containsKey(field) && preset != null && preset.constant(field) != null) {
            sources.put(field, Source.constant(preset.constant(field)));
        }
    }

    private static Column column(@Nullable List<String> header, String reference) {
        String wanted = reference.trim();
        if (header != null) {
            Optional<Integer> named = indexOf(header, wanted);
            if (named.isPresent()) {
                return new Column(named.get(), header.get(named.get()).trim());
            }
        }
        var number = COLUMN_NUMBER.matcher(wanted);
        if (number.matches()) {
            int index = Integer.parseInt(number.group(1)) - 1;
            if (header != null && index >= header.size()) {
                throw new IllegalArgumentException("There is no column #" + (index + 1) + columnsOf(header));
            }
            return new Column(index, "#" + (index + 1));
        }
        throw new IllegalArgumentException(
                header == null
                        ? "Without a header, columns are named by number (1 is the first), not \"" + wanted + "\""
                        : "There is no column \"" + wanted + "\"" + columnsOf(header));
    }

    private static Optional<Integer> indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String columnsOf(@Nullable List<String> header) {
        return header == null ? " (the file has no header)" : " from the columns " + header;
    }

    private static String quoted(String text) {
        String shown = text.length() > QUOTED_TEXT_LIMIT ? text.substring(0, QUOTED_TEXT_LIMIT) + "..." : text;
        return '"' + shown + '"';
    }
}
