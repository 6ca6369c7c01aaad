package io.tickflow.localaws.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One ListSecrets (or BatchGetSecretValue) filter: a key and the values it matches by prefix. A secret passes when one
 * of the plain values matches (or there is none) and none of the values negated with {@code !} does; a list of filters
 * must all pass.
 *
 * @param key what the values are compared with
 * @param values prefixes, each optionally negated with a leading {@code !}
 */
record SecretFilter(Key key, List<String> values) {

    /** The filter keys of the Secrets Manager API. */
    enum Key {
        /** Prefix match, not case-sensitive. */
        DESCRIPTION("description"),
        /** Prefix match, case-sensitive. */
        NAME("name"),
        /** Prefix match on any tag key, case-sensitive. */
        TAG_KEY("tag-key"),
        /** Prefix match on any tag value, case-sensitive. */
        TAG_VALUE("tag-value"),
        /** Prefix match on the region, case-sensitive. */
        PRIMARY_REGION("primary-region"),
        /** Prefix match on the service that manages the secret: never one here. */
        OWNING_SERVICE("owning-service"),
        /** Every word of the value must start some word of the name, description, tags or region; not case-sensitive. */
        ALL("all");

        private final String wireName;

        Key(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }

        static Optional<Key> fromWire(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
        }
    }

    SecretFilter {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    boolean matches(Secret secret, String region) {
        boolean anyPlain = false;
        boolean plainMatched = false;
        for (String value : values) {
            if (value.startsWith("!")) {
                if (matchesOne(secret, region, value.substring(1))) {
                    return false;
                }
            } else {
                anyPlain = true;
                plainMatched |= matchesOne(secret, region, value);
            }
        }
        return plainMatched || !anyPlain;
    }

    private boolean matchesOne(Secret secret, String region, String prefix) {
        return switch (key) {
            case NAME -> secret.name().startsWith(prefix);
            case DESCRIPTION ->
                secret.description() != null && lower(secret.description()).startsWith(lower(prefix));
            case TAG_KEY -> secret.tags().stream().anyMatch(t -> t.key().startsWith(prefix));
            case TAG_VALUE -> secret.tags().stream().anyMatch(t -> t.value().startsWith(prefix));
            case PRIMARY_REGION -> region.startsWith(prefix);
            case OWNING_SERVICE -> false;
            case ALL -> matchesAllWords(secret, region, prefix);
        };
    }

    private static boolean matchesAllWords(Secret secret, String region, String value) {
        List<String> searchable = new ArrayList<>();
        Stream.concat(
                        Stream.of(secret.name(), secret.description(), region),
                        secret.tags().stream().flatMap(t -> Stream.of(t.key(), t.value())))
                .filter(Objects::nonNull)
                .map(SecretFilter::lower)
                .forEach(attribute -> {
                    searchable.add(attribute);
                    // Words of a path-like name ("/prod/db-password") count on their own.
                    searchable.addAll(Arrays.asList(attribute.split("[\\s/_+=.@:-]+")));
                });
        return Arrays.stream(lower(value).trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .allMatch(word -> searchable.stream().anyMatch(s -> s.startsWith(word)));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
