package io.tickflow.common.aws.metering;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;

/** Sizes of payloads the way AWS counts them: UTF-8 bytes, and chunks of 64 KiB. */
final class PayloadSize {

    /** SQS and SNS bill each started 64 KiB of payload of a call as one request. */
    static final int BILLED_CHUNK = 64 * 1024;

    private PayloadSize() {}

    /** The UTF-8 length of {@code text}, without encoding it. */
    static long utf8(@Nullable CharSequence text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The size of one message attribute as SQS and SNS count it: name, data type and value. The SDK has a separate
     * attribute type per service (and one for SQS system attributes), with no common interface, hence the parts.
     */
    static long attribute(
            String name, @Nullable String dataType, @Nullable String stringValue, @Nullable SdkBytes binaryValue) {
        return utf8(name)
                + utf8(dataType)
                + utf8(stringValue)
                + (binaryValue == null ? 0 : binaryValue.asByteArrayUnsafe().length);
    }

    /** The requests a call with {@code payloadBytes} of messages is billed as: at least one. */
    static long chunks(long payloadBytes) {
        return Math.max(1, (payloadBytes + BILLED_CHUNK - 1) / BILLED_CHUNK);
    }
}
