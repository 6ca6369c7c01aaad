package io.tickflow.cli.read;

import tools.jackson.core.JacksonException;

/** Short, single-line descriptions of JSON parse errors. */
final class JsonErrors {

    private static final int LIMIT = 160;

    private JsonErrors() {}

    static String brief(JacksonException e) {
        String message =
                String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
        return message.length() > LIMIT ? message.substring(0, LIMIT) + "..." : message;
    }
}
