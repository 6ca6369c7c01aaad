package io.tickflow.ingest.intake;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads an exact decimal from the characters a producer sent, never through a {@code double}, and refuses what the
 * lake cannot hold.
 *
 * <p>A JSON string holds plain notation only ({@code "800.0100000001"}, the contract's {@code decimalString}); a JSON
 * number may also carry an exponent ({@code 1.5e3}), which Jackson has already checked for JSON syntax. Every digit
 * sent is kept, trailing zeros too ({@code "1.25000000"} has scale 8); a negative scale ({@code 1.5e3}) becomes scale
 * 0 ({@code 1500}), so that writers never meet exponent notation. A value is refused with a reason when the lake's
 * {@code DECIMAL(38, 18)} cannot hold it exactly: more than {@value #MAX_INTEGER_DIGITS} digits before the point, or
 * more than {@value #MAX_LAKE_SCALE} after it once trailing zeros are set aside. Coarser bounds on the text
 * ({@value #MAX_PRECISION} significant digits, {@value #MAX_SCALE} after the point) come first and keep hostile input
 * ({@code 1e999999999}, a million digits) from costing more than one pass over its characters.
 *
 * <p>One reader serves one message on one thread: {@link #parse} returns {@code null} on failure and leaves why in
 * {@link #problem}, the way {@link java.text.ParsePosition} does, so that the common case allocates nothing but the
 * value.
 */
final class DecimalText {

    /** The widest decimal the lake stores (Parquet and most SQL engines stop at 38 digits). */
    static final int MAX_PRECISION = 38;

    /** The most digits after the decimal point: far below any real tick size, far above any real price. */
    static final int MAX_SCALE = 30;

    /** The lake's decimal is DECIMAL(38, 18): this many digits after the point, exactly. */
    static final int MAX_LAKE_SCALE = 18;

    /** ... and so this many before it. */
    static final int MAX_INTEGER_DIGITS = MAX_PRECISION - MAX_LAKE_SCALE;

    /** No decimal within the bounds above needs more digits than this to be written, without an exponent. */
    private static final int MAX_DIGITS = MAX_PRECISION + MAX_SCALE;

    /** Up to this many digits, the unscaled value fits a {@code long} and needs no {@code BigInteger}. */
    private static final int LONG_DIGITS = 18;

    /** Any exponent beyond this is out of range anyway; capping it keeps the arithmetic in a {@code long}. */
    private static final long EXPONENT_CAP = 1_000_000;

    private ReasonCode failure = ReasonCode.INVALID_DECIMAL;
    private String failureDetail = "";

    /**
     * The decimal in {@code text[offset, offset + length)}, or {@code null} if it is none, when {@link #problem} says
     * why.
     *
     * @param jsonNumber whether the characters are a JSON number token (exponent allowed, NaN and infinities possible)
     *     rather than the content of a JSON string
     */
    @Nullable
    BigDecimal parse(char[] text, int offset, int length, boolean jsonNumber) {
        int end = offset + length;
        int i = offset;
        if (length == 0) {
            return fail(ReasonCode.INVALID_DECIMAL, "it is empty");
        }
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        // The digits accumulate into a long even past its range: the value is only used when there are few enough.
        long unscaled = 0;
        int integerStart = i;
        while (i < end && isDigit(text[i])) {
            unscaled = unscaled * 10 + (text[i] - '0');
            i++;
        }
        if (i == integerStart) {
            return notADecimal(text, offset, end, i);
        }
        if (i - integerStart > 1 && text[integerStart] == '0') {
            return fail(ReasonCode.INVALID_DECIMAL, "it has a leading zero");
        }
        int fractionDigits = 0;
        if (i < end && text[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(text[i])) {
                unscaled = unscaled * 10 + (text[i] - '0');
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                return fail(ReasonCode.INVALID_DECIMAL, "it has no digit after the decimal point");
            }
        }
        int mantissaEnd = i;
        long exponent = 0;
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            if (!jsonNumber) {
                return fail(
                        ReasonCode.INVALID_DECIMAL,
                        "it is in exponent notation, which a decimal string does not use; write its digits out");
            }
            i++;
            boolean negativeExponent = i < end && text[i] == '-';
            if (i < end && (text[i] == '-' || text[i] == '+')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && isDigit(text[i])) {
                if (exponent < EXPONENT_CAP) {
                    exponent = exponent * 10 + (text[i] - '0');
                }
                i++;
            }
            if (i == exponentStart) {
                return fail(ReasonCode.INVALID_DECIMAL, "its exponent has no digits");
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != end) {
            return fail(
                    ReasonCode.INVALID_DECIMAL,
                    "it has " + Quoting.character(text[i]) + " at position " + (i - offset + 1));
        }

        int digits = mantissaEnd - integerStart - (fractionDigits > 0 ? 1 : 0);
        int leadingZeros = 0;
        for (int k = integerStart; k < mantissaEnd && (text[k] == '0' || text[k] == '.'); k++) {
            leadingZeros += text[k] == '0' ? 1 : 0;
        }
        long scale = fractionDigits - exponent;
        // Zero has one significant digit, as BigDecimal counts it.
        long precision = Math.max(digits - leadingZeros, 1) + Math.max(0, -scale);
        if (scale > MAX_SCALE) {
            return fail(ReasonCode.DECIMAL_OUT_OF_RANGE, "it has " + scale + " digits after the decimal point");
        }
        if (precision > MAX_PRECISION) {
            return fail(ReasonCode.DECIMAL_OUT_OF_RANGE, "it has " + precision + " significant digits");
        }
        if (digits > MAX_DIGITS) {
            // Zeros an exponent cancels out (0.000…0001e1000): harmless in value, but BigDecimal would read them in
            // quadratic time.
            return fail(ReasonCode.DECIMAL_OUT_OF_RANGE, "it is written with " + digits + " digits");
        }
        // The bounds passed: the scale lies in [-37, 30] and there are at most MAX_DIGITS digits to read.
        BigDecimal value = digits <= LONG_DIGITS
                ? BigDecimal.valueOf(negative ? -unscaled : unscaled, (int) scale)
                : new BigDecimal(text, offset, length);
        return fitsTheLake(value.scale() < 0 ? value.setScale(0) : value);
    }

    /**
     * {@code value} if the lake can hold it, with a negative scale turned into scale 0; {@code null} otherwise, when
     * {@link #problem} says why. For decimals that something else (Jackson databind) already read.
     */
    @Nullable
    BigDecimal check(BigDecimal value) {
        long scale = value.scale();
        long precision = value.precision() + Math.max(0, -scale);
        if (scale > MAX_SCALE) {
            return fail(ReasonCode.DECIMAL_OUT_OF_RANGE, "it has " + scale + " digits after the decimal point");
        }
        if (precision > MAX_PRECISION) {
            return fail(ReasonCode.DECIMAL_OUT_OF_RANGE, "it has " + precision + " significant digits");
        }
        return fitsTheLake(scale < 0 ? value.setScale(0) : value);
    }

    /** {@code value} (scale 0 or more) if DECIMAL(38, 18) holds it exactly, else {@code null} with the reason. */
    private @Nullable BigDecimal fitsTheLake(BigDecimal value) {
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return fail(
                    ReasonCode.DECIMAL_OUT_OF_RANGE, "it has " + integerDigits + " digits before the decimal point");
        }
        if (value.scale() > MAX_LAKE_SCALE) {
            // Rare enough that stripping (which allocates) costs nothing in practice; 1.50000000000000000000 is fine.
            int significantScale = value.stripTrailingZeros().scale();
            if (significantScale > MAX_LAKE_SCALE) {
                return fail(
                        ReasonCode.DECIMAL_OUT_OF_RANGE,
                        "it has " + significantScale + " digits after the decimal point");
            }
        }
        return value;
    }

    /** Why the last {@link #parse} or {@link #check} failed, for the field {@code field} whose value was {@code shown}. */
    Problem problem(String field, String shown) {
        return failure == ReasonCode.NOT_A_NUMBER
                ? failure.problem(field, shown)
                : failure.problem(field, shown, failureDetail);
    }

    private @Nullable BigDecimal notADecimal(char[] text, int offset, int end, int at) {
        String whole = new String(text, offset, end - offset);
        return switch (whole.toLowerCase(Locale.ROOT)) {
            // Python's json module writes NaN and Infinity for float('nan') and float('inf'); pandas too.
            case "nan", "-nan", "+nan", "infinity", "-infinity", "+infinity", "inf", "-inf", "+inf" ->
                fail(ReasonCode.NOT_A_NUMBER, "");
            default ->
                at == end
                        ? fail(ReasonCode.INVALID_DECIMAL, "it has no digits")
                        : fail(
                                ReasonCode.INVALID_DECIMAL,
                                "it has " + Quoting.character(text[at]) + " at position " + (at - offset + 1));
        };
    }

    private @Nullable BigDecimal fail(ReasonCode code, String detail) {
        failure = code;
        failureDetail = detail;
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
