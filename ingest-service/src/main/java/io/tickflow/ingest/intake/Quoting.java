package io.tickflow.ingest.intake;

import java.util.Locale;

/**
 * Shows values a producer sent inside a rejection's sentence: quoted as in JSON and cut short, so that a 1 MB symbol
 * makes a readable sentence rather than a 1 MB one (the whole text is in the rejection's {@code original}).
 */
final class Quoting {

    /** Enough to recognise a value, short enough to keep the sentence one line. */
    static final int MAX_SHOWN = 48;

    private Quoting() {}

    /** {@code text} as a JSON string literal, cut after {@value #MAX_SHOWN} characters. */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8).append('"');
        int shown = Math.min(text.length(), MAX_SHOWN);
        if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--; // never split a surrogate pair
        }
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        quoted.append('"');
        if (shown < text.length()) {
            quoted.append("… (").append(text.length()).append(" characters)");
        }
        return quoted.toString();
    }

    /** Number text as sent (not quoted), cut after {@value #MAX_SHOWN} characters. */
    static String number(String text) {
        return text.length() <= MAX_SHOWN
                ? text
                : text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }

    /** One character as a person would name it: {@code '$'}, {@code a space}, {@code U+00E9}. */
    static String character(int c) {
        if (c == ' ') {
            return "a space";
        }
        if (c > 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
