package io.tickflow.ingest.intake;

import java.util.Locale;

/**
 * Why ingest-service rejected a tick or a whole message: the stable, machine-readable {@code reasonCode} of a
 * {@link io.tickflow.common.contract.ingest.TickRejected}, with the sentence a person reads next to it.
 *
 * <p>The constant names are the wire codes and never change meaning; new checks add new constants. Each carries a
 * sentence template whose {@code %s} placeholders {@link #sentence(Object...)} fills with what was wrong (the field,
 * the value as sent, the limit), so that the reader knows what to fix without reading this code.
 */
public enum ReasonCode {

    // Whole-message rejections: the message cannot be read as a tick batch at all.

    /** The message is not JSON, or not well-formed JSON. */
    INVALID_JSON("The message is not valid JSON: %s. Send one JSON object, a tick batch or a single tick, as the"
            + " tickflow.tick-batch.v1 contract describes."),
    /** The message's JSON ends before it is complete. */
    TRUNCATED_JSON("The message ends before its JSON is complete (%s). It was probably cut off on the way: send the"
            + " whole message, and split batches that come near the queue's message size limit."),
    /** The message goes beyond a limit of the JSON reader, such as its nesting depth. */
    PARSER_LIMIT_EXCEEDED("The message goes beyond what the JSON reader accepts: %s. Send ticks as flat objects in"
            + " one \"ticks\" array."),
    /** The message is JSON, but not a JSON object. */
    NOT_A_JSON_OBJECT("The message is a JSON %s, not an object. Send {\"schema\":\"tickflow.tick-batch.v1\","
            + "\"venue\":\"...\",\"ticks\":[...]}, or one tick object with its own \"venue\"."),
    /** A batch (a message with {@code ticks}) without its {@code schema}. */
    MISSING_SCHEMA("The batch has no \"schema\". Add \"schema\":\"tickflow.tick-batch.v1\" next to \"venue\" and"
            + " \"ticks\"."),
    /** A {@code schema} other than {@code tickflow.tick-batch.v1}. */
    UNKNOWN_SCHEMA("The message's schema %s is not one this queue reads. Send \"schema\":\"tickflow.tick-batch.v1\"."),
    /** A message without its {@code venue}. */
    MISSING_VENUE("The message names no venue. Add a string \"venue\", e.g. \"bitstamp\", to the batch (or to the"
            + " tick, when you send one tick on its own)."),
    /** A {@code venue} that is no venue name, or one that could escape its place in the lake's keys. */
    INVALID_VENUE("The venue %s is not a venue name: %s. Use 1 to 32 letters, digits, '.', '_' or '-', starting"
            + " with a letter or digit, e.g. \"bitstamp\"."),
    /** A {@code ticks} property that is not an array. */
    TICKS_NOT_AN_ARRAY("\"ticks\" is a JSON %s, not an array. Send the ticks as an array: \"ticks\":[{...},{...}]."),
    /** A batch with an empty {@code ticks} array, or a message with neither ticks nor the fields of one tick. */
    NO_TICKS("The message holds no tick: %s. Send at least one tick, or no message at all."),
    /** A batch with more ticks than one message may hold. */
    TOO_MANY_TICKS("The batch holds %s ticks, more than the %s one message may hold. Split it into several messages."),

    // Rejections of one tick (or of a whole message, for its own top-level properties).

    /** The same property twice in one object, so that it is unclear which value is meant. */
    DUPLICATE_FIELD("The %s has \"%s\" more than once, so it is unclear which value is meant. Send each field once."),
    /** An element of {@code ticks} that is not a JSON object. */
    TICK_NOT_AN_OBJECT("This tick is a JSON %s, not an object. Each element of \"ticks\" is an object such as"
            + " {\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"time\":\"2013-11-25T01:41:08Z\",\"price\":\"800.01\","
            + "\"size\":\"0.1\"}."),
    /** A tick without its {@code type}. */
    MISSING_TYPE("The tick has no \"type\". Add \"type\":\"trade\", \"quote\" or \"bar\"."),
    /** A tick whose {@code type} is not {@code trade}, {@code quote} or {@code bar}. */
    UNKNOWN_TYPE("The tick's type %s is not one Tickflow reads. Use \"trade\", \"quote\" or \"bar\" (in lower case)."),
    /** A required field that is absent or {@code null}. */
    MISSING_FIELD("The %s has no \"%s\" (or it is null), which every %s needs. Add it."),
    /** A symbol that is not an instrument name even after normalisation, or could escape its lake partition. */
    INVALID_SYMBOL("The symbol %s is not an instrument name: %s. Use letters, digits, '.' and '-' (or '/' and '_',"
            + " which become '-'), starting with a letter or digit, e.g. \"BTC-USD\"."),
    /** A symbol longer than 32 characters. */
    SYMBOL_TOO_LONG("The symbol %s is longer than the 32 characters a symbol may have. Send the instrument's usual"
            + " short name, e.g. \"BTC-USD\"."),
    /** A time that is neither an ISO-8601 instant with a zone nor whole epoch milliseconds. */
    INVALID_TIME("The time %s cannot be read: %s. Send an ISO-8601 instant with Z or an offset"
            + " (\"2013-11-25T01:41:08.123Z\") or whole milliseconds since 1970-01-01T00:00:00Z (1385343668123)."),
    /** A time before the earliest this service accepts. */
    TIME_TOO_EARLY("The time %s is before %s, the earliest time this service accepts. Check that epoch times are in"
            + " milliseconds, not seconds."),
    /** A time further ahead of this service's clock than the allowed skew. */
    TIME_IN_FUTURE("The time %s is more than %s ahead of this service's clock (%s). Send times in UTC or with their"
            + " offset: a local time marked Z lands hours away from when it happened."),
    /** A decimal field whose value is not a plain decimal number. */
    INVALID_DECIMAL("The %s %s is not a decimal number: %s. Send digits with an optional leading '-' and a '.' as"
            + " decimal point, as a JSON string (\"800.01\") or number (800.01): no currency signs, spaces, thousands"
            + " separators or decimal commas."),
    /** A decimal field sent as NaN or infinity. */
    NOT_A_NUMBER("The %s is %s, which is not a number. Send the value the venue reported, or leave the tick out if it"
            + " reported none."),
    /** A decimal with more digits, or a larger exponent, than Tickflow stores. */
    DECIMAL_OUT_OF_RANGE("The %s %s is beyond what Tickflow stores: %s. The lake stores decimals as"
            + " DECIMAL(38, 18): at most 20 digits before the decimal point and 18 after it (trailing zeros aside)."),
    /** A price of zero or less. */
    NON_POSITIVE_PRICE("The %s %s is not positive; a price is greater than zero."),
    /** A quantity below zero. */
    NEGATIVE_SIZE("The %s %s is negative; a quantity is zero or more."),
    /** A quote whose bid is above its ask. */
    CROSSED_QUOTE("The quote's bid %s is above its ask %s. Check that bid and ask are not swapped."),
    /** A bar whose high and low do not enclose its open and close. */
    INCONSISTENT_BAR("The bar's prices do not fit together: %s. A bar's high is at least its open and its close, and"
            + " its low at most both."),
    /** A side other than {@code buy} or {@code sell}. */
    INVALID_SIDE("The side %s is neither \"buy\" nor \"sell\". Send the aggressor's side in lower case, or leave"
            + " \"side\" out."),
    /** A trade id that is empty, too long, of the wrong JSON type or holds control characters. */
    INVALID_TRADE_ID("The trade id %s cannot be used: %s. Send 1 to 128 characters without control characters, or a"
            + " JSON integer, or leave \"tradeId\" out."),
    /** A sequence that is not a whole number from 0 to 2^63-1. */
    INVALID_SEQUENCE("The sequence %s is not a whole number from 0 to 9223372036854775807: %s. Send the venue's"
            + " sequence number as a JSON integer, or leave \"sequence\" out."),
    /** A bar interval that is not a count and a unit. */
    INVALID_INTERVAL("The bar interval %s is not an interval: %s. Send one of %s."),
    /** A well-formed bar interval that Tickflow does not store. */
    UNSUPPORTED_INTERVAL("Tickflow does not store bars of %s. Send bars of %s, or send the trades and let Tickflow"
            + " build the candles.");

    private final String template;

    ReasonCode(String template) {
        this.template = template;
    }

    /** The sentence for this reason with its placeholders filled, in order, by {@code details}. */
    public String sentence(Object... details) {
        return String.format(Locale.ROOT, template, details);
    }

    /** A problem of this kind, for the readers and checks inside this package. */
    Problem problem(Object... details) {
        return new Problem(this, sentence(details));
    }
}
