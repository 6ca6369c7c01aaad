package io.tickflow.analysis.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds the report page as well-formed XML-compatible HTML: every element is closed, every attribute quoted, and
 * every piece of text or attribute value goes through {@link #escape}, the one place where {@code & < > " '} are
 * escaped. Only the fixed style sheet and the doctype are written {@linkplain #raw raw}.
 */
final class Markup {

    private final StringBuilder out = new StringBuilder(128 * 1024);

    /** Writes a start tag; {@code attributes} are name, value pairs. */
    Markup open(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** Writes an end tag. */
    Markup close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes an element without content ({@code <line .../>}). */
    Markup empty(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only {@code text}. */
    Markup element(String name, String text, String... attributes) {
        return open(name, attributes).text(text).close(name);
    }

    /** Writes escaped text. */
    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Writes markup as it is: only for constants written in this package, never for data. */
    Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * {@code text} with the five characters XML gives a meaning escaped, and the control characters XML 1.0 forbids
     * (which no escape can carry) replaced by U+FFFD, so that any symbol or strategy name leaves the page well-formed.
     */
    static String escape(String text) {
        @Nullable StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            @Nullable
            String entity =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        case '\t', '\n', '\r' -> null;
                        default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
                    };
            if (entity != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (entity != null) {
                    escaped.append(entity);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** A coordinate in a chart's view box, to a tenth of a unit. */
    static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.equals("-0.0") ? "0.0" : text;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name, value pairs: " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(escape(attributes[i + 1]))
                    .append('"');
        }
    }
}
