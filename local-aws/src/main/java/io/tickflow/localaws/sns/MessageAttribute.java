package io.tickflow.localaws.sns;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One SNS message attribute as published.
 *
 * @param name the attribute name
 * @param dataType {@code String}, {@code String.Array}, {@code Number}, {@code Binary}, or one of those with a custom
 *     suffix such as {@code Number.float}
 * @param value the string value, or for a Binary attribute its bytes in Base64 (the form the query protocol and the
 *     SNS envelope both carry)
 */
record MessageAttribute(String name, String dataType, String value) {

    static final String STRING_ARRAY = "String.Array";

    boolean isBinary() {
        return dataType.startsWith("Binary");
    }

    boolean isNumber() {
        return dataType.startsWith("Number");
    }

    boolean isStringArray() {
        return dataType.equals(STRING_ARRAY);
    }

    byte[] binaryValue() {
        return Base64.getDecoder().decode(value);
    }

    /** What the attribute counts towards SNS's 256 KiB message limit: its name, type and value. */
    int size() {
        int valueBytes =
                isBinary() ? Base64.getDecoder().decode(value).length : value.getBytes(StandardCharsets.UTF_8).length;
        return name.getBytes(StandardCharsets.UTF_8).length + dataType.length() + valueBytes;
    }
}
