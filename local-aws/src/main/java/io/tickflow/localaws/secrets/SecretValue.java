package io.tickflow.localaws.secrets;

import java.util.Base64;
import java.util.Objects;

/** The protected data of one secret version: text, or binary data. */
sealed interface SecretValue {

    /** How many bytes a secret value may hold, text or binary. */
    int MAX_BYTES = 65_536;

    /** A {@code SecretString}. */
    record Text(String text) implements SecretValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A {@code SecretBinary}, kept as canonical Base64: the emulator never looks inside it, and both the wire and the
     * store file carry it as Base64. Being a string, it compares by value, which idempotent retries rely on.
     */
    record Binary(String base64) implements SecretValue {
        public Binary {
            Objects.requireNonNull(base64, "base64");
        }

        /**
         * Reads Base64 as a client sent it.
         *
         * @throws IllegalArgumentException if it is not Base64
         */
        static Binary fromBase64(String base64) {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return new Binary(Base64.getEncoder().encodeToString(bytes));
        }

        int byteLength() {
            return Base64.getDecoder().decode(base64).length;
        }
    }
}
