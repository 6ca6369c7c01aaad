package io.tickflow.ingest.intake;

/**
 * Turns the spellings of symbols and venues that users send into the one Tickflow stores, or says why it cannot.
 *
 * <p>A symbol becomes upper case with {@code -} between its parts: {@code BTC/USD}, {@code btc-usd}, {@code BTC_USD}
 * and {@code " btc-usd "} are all {@code BTC-USD}. A venue becomes lower case: {@code Bitstamp} is {@code bitstamp}.
 * Both end up in S3 keys ({@code venue=bitstamp/symbol=BTC-USD/...}) and DynamoDB keys, so what is left must match
 * {@code [A-Z0-9][A-Z0-9.-]*} (symbols) or {@code [a-z0-9][a-z0-9._-]*} (venues), be at most 32 characters long and
 * hold no {@code ..}: no {@code /}, {@code =}, {@code ..} or control character can ever take a tick out of its
 * partition. Only ASCII letters change case, so the result does not depend on the machine's locale.
 */
final class Spellings {

    /** The longest symbol after normalisation. */
    static final int MAX_SYMBOL_LENGTH = 32;

    /** The longest venue after normalisation. */
    static final int MAX_VENUE_LENGTH = 32;

    private Spellings() {}

    /** A spelling read: the normalised name, or why there is none. */
    sealed interface Spelling permits Valid, Invalid {}

    /** The normalised name. */
    record Valid(String name) implements Spelling {}

    /** Why the sent text is no name. */
    record Invalid(Problem problem) implements Spelling {}

    /** The symbol {@code sent} normalised, e.g. {@code btc/usd} as {@code BTC-USD}. */
    static Spelling symbol(String sent) {
        String text = sent.strip();
        if (text.isEmpty()) {
            return invalidSymbol(sent, "it is empty");
        }
        if (text.length() > MAX_SYMBOL_LENGTH) {
            return new Invalid(ReasonCode.SYMBOL_TOO_LONG.problem(Quoting.string(sent)));
        }
        if (isCanonicalSymbol(text)) {
            return new Valid(text); // the usual case: the producer already sends BTC-USD, and nothing is copied
        }
        char[] name = new char[text.length()];
        for (int i = 0; i < name.length; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                name[i] = (char) (c - 'a' + 'A');
            } else if (c == '/' || c == '_') {
                name[i] = '-';
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                name[i] = c;
            } else {
                return invalidSymbol(sent, "it contains " + Quoting.character(text.codePointAt(i)));
            }
        }
        return checked(sent, new String(name), true);
    }

    /** The venue {@code sent} normalised, e.g. {@code Bitstamp} as {@code bitstamp}. */
    static Spelling venue(String sent) {
        String text = sent.strip();
        if (text.isEmpty()) {
            return invalidVenue(sent, "it is empty");
        }
        if (text.length() > MAX_VENUE_LENGTH) {
            return invalidVenue(sent, "it has " + text.length() + " characters, more than 32");
        }
        char[] name = new char[text.length()];
        for (int i = 0; i < name.length; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                name[i] = (char) (c - 'A' + 'a');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                name[i] = c;
            } else {
                return invalidVenue(sent, "it contains " + Quoting.character(text.codePointAt(i)));
            }
        }
        return checked(sent, new String(name), false);
    }

    /** The rules both kinds of name share once their characters are allowed ones: how they start, no "..". */
    private static Spelling checked(String sent, String name, boolean symbol) {
        char first = name.charAt(0);
        if (!isLetterOrDigit(first)) {
            String detail = "it starts with " + Quoting.character(first);
            return symbol ? invalidSymbol(sent, detail) : invalidVenue(sent, detail);
        }
        if (name.contains("..")) {
            String detail = "it contains \"..\"";
            return symbol ? invalidSymbol(sent, detail) : invalidVenue(sent, detail);
        }
        return new Valid(name);
    }

    private static boolean isCanonicalSymbol(String text) {
        if (!isUpperLetterOrDigit(text.charAt(0))) {
            return false;
        }
        char previous = text.charAt(0);
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUpperLetterOrDigit(c) && c != '-' && (c != '.' || previous == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isUpperLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static Invalid invalidSymbol(String sent, String detail) {
        return new Invalid(ReasonCode.INVALID_SYMBOL.problem(Quoting.string(sent), detail));
    }

    private static Invalid invalidVenue(String sent, String detail) {
        return new Invalid(ReasonCode.INVALID_VENUE.problem(Quoting.string(sent), detail));
    }
}
