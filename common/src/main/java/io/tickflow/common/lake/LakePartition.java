package io.tickflow.common.lake;

import io.tickflow.common.contract.Dataset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hourly partition of the lake: {@code market-data/<dataset>/venue=<v>/symbol=<s>/date=YYYY-MM-DD/hour=HH/}.
 *
 * <p>Venue and symbol are checked against the spellings ingest-service normalises to, so that no value can leave its
 * partition ({@code ../}, {@code /}) even when a message reaches the lake by another way than ingest-service.
 *
 * @param dataset what the partition holds
 * @param venue the venue, lower case
 * @param symbol the instrument, upper case
 * @param date the UTC date
 * @param hour the UTC hour, 0 to 23
 */
public record LakePartition(Dataset dataset, String venue, String symbol, LocalDate date, int hour) {

    /** Every lake object is under this prefix. */
    public static final String ROOT = "market-data/";

    private static final Pattern VENUE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,31}");
    private static final Pattern KEY = Pattern.compile(
            "market-data/([a-z]+)/venue=([^/]+)/symbol=([^/]+)/date=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})/[^/]+");

    public LakePartition {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(date, "date");
        if (!VENUE.matcher(Objects.requireNonNull(venue, "venue")).matches()) {
            throw new IllegalArgumentException("Not a normalised venue, which a lake path can hold: " + venue);
        }
        if (!SYMBOL.matcher(Objects.requireNonNull(symbol, "symbol")).matches()) {
            throw new IllegalArgumentException("Not a normalised symbol, which a lake path can hold: " + symbol);
        }
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("A partition hour is 0 to 23: " + hour);
        }
    }

    /** The partition a tick of {@code dataset} at {@code time} belongs to. */
    public static LakePartition of(Dataset dataset, String venue, String symbol, Instant time) {
        var utc = time.atOffset(ZoneOffset.UTC);
        return new LakePartition(dataset, venue, symbol, utc.toLocalDate(), utc.getHour());
    }

    /** The partition of an object key, if the key is one of the lake's. */
    public static Optional<LakePartition> ofKey(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Dataset.fromWireName(m.group(1))
                    .map(dataset -> new LakePartition(
                            dataset,
                            m.group(2),
                            m.group(3),
                            LocalDate.parse(m.group(4)),
                            Integer.parseInt(m.group(5))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The prefix every object of the partition has, ending in {@code /}. */
    public String prefix() {
        return datasetPrefix(dataset) + "venue=" + venue + "/symbol=" + symbol + "/date=" + date + "/hour="
                + (hour < 10 ? "0" : "") + hour + "/";
    }

    /** The key of an object of this partition named {@code fileName}. */
    public String key(String fileName) {
        if (fileName.isEmpty() || fileName.contains("/")) {
            throw new IllegalArgumentException("A lake file name is one path segment: " + fileName);
        }
        return prefix() + fileName;
    }

    /** The first instant of the partition. */
    public Instant start() {
        return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** The prefix of every partition of {@code dataset}, e.g. {@code market-data/trades/}. */
    public static String datasetPrefix(Dataset dataset) {
        return ROOT + dataset.wireName() + "/";
    }
}
