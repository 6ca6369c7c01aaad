package io.tickflow.storage.lake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The lake's one decimal type: {@code DECIMAL(38, 18)}, stored as a 16-byte big-endian two's complement unscaled value
 * (Parquet's {@code FIXED_LEN_BYTE_ARRAY(16)}). It holds every price and size to 18 digits after the point (ETH's wei)
 * and 20 before, exactly; ingest-service refuses what does not fit.
 */
final class LakeDecimal {

    static final int PRECISION = 38;
    static final int SCALE = 18;
    static final int BYTES = 16;

    private static final BigInteger MAX_UNSCALED = BigInteger.TEN.pow(PRECISION).subtract(BigInteger.ONE);

    private LakeDecimal() {}

    /** Whether {@code value} fits the lake's decimal without losing a digit. */
    static boolean fits(BigDecimal value) {
        if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
            return false;
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY)
                        .unscaledValue()
                        .abs()
                        .compareTo(MAX_UNSCALED)
                <= 0;
    }

    /** Writes {@code value} into {@code out[0..16)}; it must {@linkplain #fits fit}. */
    static void write(BigDecimal value, byte[] out) {
        BigInteger unscaled = value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue();
        if (unscaled.bitLength() < 64) {
            long v = unscaled.longValue();
            long sign = v < 0 ? -1L : 0L;
            for (int i = 0; i < 8; i++) {
                out[i] = (byte) sign;
                out[8 + i] = (byte) (v >>> (56 - 8 * i));
            }
            return;
        }
        byte[] bytes = unscaled.toByteArray();
        if (bytes.length > BYTES) {
            throw new IllegalArgumentException("Wider than DECIMAL(38, 18): " + value.toPlainString());
        }
        byte pad = (byte) (unscaled.signum() < 0 ? -1 : 0);
        int offset = BYTES - bytes.length;
        for (int i = 0; i < offset; i++) {
            out[i] = pad;
        }
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }
}
