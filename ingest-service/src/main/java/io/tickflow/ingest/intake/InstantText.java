package io.tickflow.ingest.intake;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code time} of a tick from the characters a producer sent: an ISO-8601 instant with {@code Z} or an offset
 * ({@code 2013-11-25T01:41:08.123Z}, {@code 2013-11-25T02:41:08+01:00}, the contract's {@code instant} pattern) or
 * whole epoch milliseconds ({@code 1385343668123}, or {@code 1385343668123.0} as float-minded writers send it). The
 * result is a UTC {@link Instant}: two spellings of the same moment read the same.
 *
 * <p>This is a hand-written reader because {@code OffsetDateTime.parse} costs more than the whole rest of a tick; it
 * accepts exactly the contract's pattern and checks the calendar (no 30 February, no hour 24, no leap second, offsets
 * within &plusmn;18:00, as {@code java.time} does). Like {@link DecimalText}, one reader serves one message: a {@code
 * null} result leaves the reason in {@link #problem}.
 */
final class InstantText {

    private static final int[] NANOS_PER_FRACTION_DIGIT = {
        100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };
    private static final String EXPECTED_FORM = "it is not of the form 2013-11-25T01:41:08.123Z";

    private String failureDetail = "";

    /** The instant in ISO-8601 text, or {@code null}. */
    @Nullable
    Instant parseIso(char[] c, int offset, int length) {
        int end = offset + length;
        if (length < 19) {
            return fail(EXPECTED_FORM);
        }
        int year = digits(c, offset, 4);
        int month = digits(c, offset + 5, 2);
        int day = digits(c, offset + 8, 2);
        int hour = digits(c, offset + 11, 2);
        int minute = digits(c, offset + 14, 2);
        int second = digits(c, offset + 17, 2);
        if (year < 0
                || c[offset + 4] != '-'
                || month < 0
                || c[offset + 7] != '-'
                || day < 0
                || hour < 0
                || c[offset + 13] != ':'
                || minute < 0
                || c[offset + 16] != ':'
                || second < 0) {
            return fail(EXPECTED_FORM);
        }
        if (c[offset + 10] != 'T') {
            return fail(
                    c[offset + 10] == ' ' ? "it separates date and time with a space instead of 'T'" : EXPECTED_FORM);
        }
        int i = offset + 19;
        int nanos = 0;
        if (i < end && c[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(c[i])) {
                if (i - fractionStart == 9) {
                    return fail("it has more than 9 digits after the seconds' decimal point");
                }
                nanos += (c[i] - '0') * NANOS_PER_FRACTION_DIGIT[i - fractionStart];
                i++;
            }
            if (i == fractionStart) {
                return fail("it has no digit after the seconds' decimal point");
            }
        }
        if (i == end) {
            return fail("it has no zone; add Z for UTC or the offset it was taken in, such as +01:00");
        }
        int offsetSeconds;
        if (c[i] == 'Z') {
            offsetSeconds = 0;
            i++;
        } else if ((c[i] == '+' || c[i] == '-') && end - i >= 6) {
            int offsetHours = digits(c, i + 1, 2);
            int offsetMinutes = digits(c, i + 4, 2);
            if (offsetHours < 0 || c[i + 3] != ':' || offsetMinutes < 0) {
                return fail("its offset is not of the form +01:00");
            }
            if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 18 * 60) {
                return fail("its offset is beyond ±18:00");
            }
            offsetSeconds = (c[i] == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            i += 6;
        } else {
            return fail("its zone is neither Z nor an offset of the form +01:00");
        }
        if (i != end) {
            return fail("it goes on after its zone");
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return fail("there is no day " + new String(c, offset, 10));
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return fail("there is no time of day " + new String(c, offset + 11, 8));
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The instant of an integer number of epoch milliseconds, as JSON integer text, or {@code null}. */
    @Nullable
    Instant parseEpochMillis(char[] c, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = length > 0 && c[i] == '-';
        if (negative) {
            i++;
        }
        if (end - i > 18) {
            return fail("it is beyond any plausible time in epoch milliseconds");
        }
        if (i == end) {
            return fail("it has no digits");
        }
        long millis = 0;
        for (; i < end; i++) {
            if (!isDigit(c[i])) {
                return fail("it is not a whole number of milliseconds");
            }
            millis = millis * 10 + (c[i] - '0');
        }
        return Instant.ofEpochMilli(negative ? -millis : millis);
    }

    /**
     * The instant of epoch milliseconds sent as a JSON number with a fraction or exponent, or {@code null}; the
     * fraction must be zero, as {@code ContractJson} has it.
     */
    @Nullable
    Instant fromEpochMillis(BigDecimal millis) {
        if (millis.signum() != 0 && millis.stripTrailingZeros().scale() > 0) {
            return fail("it has a fraction of a millisecond");
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || millis.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return fail("it is beyond any plausible time in epoch milliseconds");
        }
        return Instant.ofEpochMilli(millis.longValue());
    }

    /** Records why {@code time} cannot be read when the problem is its JSON type, not its text. */
    @Nullable
    Instant failWith(String detail) {
        return fail(detail);
    }

    /** Why the last read failed, for a time that was {@code shown}. */
    Problem problem(String shown) {
        return ReasonCode.INVALID_TIME.problem(shown, failureDetail);
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's {@code days_from_civil}, as in {@code
     * java.time}, without building a {@code LocalDate}).
     */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int monthFromMarch = (month + 9) % 12;
        long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number in {@code count} decimal digits at {@code c[at]}, or -1 if any of them is no digit. */
    private static int digits(char[] c, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            if (!isDigit(c[i])) {
                return -1;
            }
            value = value * 10 + (c[i] - '0');
        }
        return value;
    }

    private @Nullable Instant fail(String detail) {
        failureDetail = detail;
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
