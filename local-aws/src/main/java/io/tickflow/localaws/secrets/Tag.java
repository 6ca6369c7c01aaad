package io.tickflow.localaws.secrets;

import java.util.Objects;

/** A tag on a secret. */
record Tag(String key, String value) {
    Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
