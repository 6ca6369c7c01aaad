package io.tickflow.cli.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a CSV column's text is read as an instant. Times without a zone or offset are UTC; a date alone is its midnight
 * UTC, which is how daily bars are stamped.
 *
 * <ul>
 *   <li>{@code auto} (the default): ISO-8601 ({@code 2013-01-02}, {@code 2013-11-25T00:00:13Z}, {@code 2013-11-25
 *       00:00:13}, an offset) or an integer of epoch milliseconds, as the tick-batch contract takes them;
 *   <li>{@code iso}: ISO-8601 only;
 *   <li>{@code epoch-s}, {@code epoch-ms}, {@code epoch-us}, {@code epoch-ns}: a number of seconds, milliseconds,
 *       microseconds or nanoseconds since 1970, decimals allowed down to the nanosecond ({@code 1385337600.25});
 *   <li>anything else: a {@link DateTimeFormatter} pattern, e.g. {@code dd/MM/yyyy HH:mm}.
 * </ul>
 *
 * <p>Numbers are read as exact decimals, never as {@code double}.
 */
public final class TimeFormat {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,18})?");
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private enum Kind {
        AUTO,
        ISO,
        EPOCH,
        PATTERN
    }

    private final String spec;
    private final Kind kind;
    private final int epochDigits;
    private final DateTimeFormatter pattern;

    private TimeFormat(String spec, Kind kind, int epochDigits, DateTimeFormatter pattern) {
        this.spec = spec;
        this.kind = kind;
        this.epochDigits = epochDigits;
        this.pattern = pattern;
    }

    /** ISO-8601 or epoch milliseconds, as the contract takes times. */
    public static TimeFormat auto() {
        return new TimeFormat("auto", Kind.AUTO, 3, ISO);
    }

    /**
     * The format a command line names ({@code auto}, {@code iso}, {@code epoch-s}, ...) or a pattern.
     *
     * @throws IllegalArgumentException when it is neither a known name nor a valid pattern
     */
    public static TimeFormat of(String spec) {
        String name = spec.trim();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "", "auto" -> auto();
            case "iso" -> new TimeFormat("iso", Kind.ISO, 0, ISO);
            case "epoch-s" -> new TimeFormat("epoch-s", Kind.EPOCH, 0, ISO);
            case "epoch-ms" -> new TimeFormat("epoch-ms", Kind.EPOCH, 3, ISO);
            case "epoch-us" -> new TimeFormat("epoch-us", Kind.EPOCH, 6, ISO);
            case "epoch-ns" -> new TimeFormat("epoch-ns", Kind.EPOCH, 9, ISO);
            default -> {
                try {
                    yield new TimeFormat(name, Kind.PATTERN, 0, DateTimeFormatter.ofPattern(name, Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + name
                            + "\" is not a time format: use auto, iso, epoch-s, epoch-ms, epoch-us, epoch-ns or a"
                            + " java.time pattern such as yyyy-MM-dd HH:mm:ss (" + e.getMessage() + ")");
                }
            }
        };
    }

    /** How it was named, e.g. {@code epoch-s}. */
    public String spec() {
        return spec;
    }

    /**
     * The instant {@code text} stands for.
     *
     * @throws DateTimeException when it does not stand for one in this format
     */
    public Instant parse(String text) {
        return switch (kind) {
            case AUTO -> INTEGER.matcher(text).matches() ? epoch(text, 3) : iso(text);
            case ISO -> iso(text);
            case EPOCH -> epoch(text, epochDigits);
            case PATTERN -> fromPattern(text);
        };
    }

    private static Instant iso(String text) {
        // "2013-11-25 00:00:13" is as common in CSV files as the T form.
        String normalised =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        return toInstant(ISO.parseBest(normalised, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
    }

    private Instant fromPattern(String text) {
        return toInstant(pattern.parseBest(
                text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from));
    }

    private static Instant toInstant(TemporalAccessor parsed) {
        return switch (parsed) {
            case ZonedDateTime zoned -> zoned.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> throw new DateTimeException("Not a date or time: " + parsed);
        };
    }

    private static Instant epoch(String text, int digitsBelowSecond) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new DateTimeParseException("Not a number", text, 0);
        }
        BigDecimal nanos = new BigDecimal(text).movePointRight(9 - digitsBelowSecond);
        try {
            BigInteger[] secondsAndNanos = nanos.toBigIntegerExact().divideAndRemainder(NANOS_PER_SECOND);
            return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
        } catch (ArithmeticException e) {
            throw new DateTimeException("Finer than a nanosecond or out of range: " + text, e);
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}
