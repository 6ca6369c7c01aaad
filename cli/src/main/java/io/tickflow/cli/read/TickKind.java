package io.tickflow.cli.read;

import static io.tickflow.cli.read.TickField.ASK;
import static io.tickflow.cli.read.TickField.ASK_SIZE;
import static io.tickflow.cli.read.TickField.BID;
import static io.tickflow.cli.read.TickField.BID_SIZE;
import static io.tickflow.cli.read.TickField.CLOSE;
import static io.tickflow.cli.read.TickField.HIGH;
import static io.tickflow.cli.read.TickField.INTERVAL;
import static io.tickflow.cli.read.TickField.LOW;
import static io.tickflow.cli.read.TickField.OPEN;
import static io.tickflow.cli.read.TickField.PRICE;
import static io.tickflow.cli.read.TickField.SEQUENCE;
import static io.tickflow.cli.read.TickField.SIDE;
import static io.tickflow.cli.read.TickField.SIZE;
import static io.tickflow.cli.read.TickField.SYMBOL;
import static io.tickflow.cli.read.TickField.TIME;
import static io.tickflow.cli.read.TickField.TRADE_ID;
import static io.tickflow.cli.read.TickField.VOLUME;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of tick in the contract, with the properties each has in the order the contract lists them. */
public enum TickKind {
    TRADE("trade", List.of(SYMBOL, TIME, PRICE, SIZE, SIDE, TRADE_ID, SEQUENCE), Set.of(SIDE, TRADE_ID, SEQUENCE)),
    QUOTE("quote", List.of(SYMBOL, TIME, BID, BID_SIZE, ASK, ASK_SIZE), Set.of()),
    BAR("bar", List.of(SYMBOL, INTERVAL, TIME, OPEN, HIGH, LOW, CLOSE, VOLUME), Set.of());

    private final String wireName;
    private final List<TickField> fields;
    private final Set<TickField> optional;

    TickKind(String wireName, List<TickField> fields, Set<TickField> optional) {
        this.wireName = wireName;
        this.fields = fields;
        this.optional = optional;
    }

    /** The {@code type} property: {@code trade}, {@code quote} or {@code bar}. */
    public String wireName() {
        return wireName;
    }

    /** Its properties in contract order, {@code type} and {@code venue} aside. */
    List<TickField> fields() {
        return fields;
    }

    boolean requires(TickField field) {
        return fields.contains(field) && !optional.contains(field);
    }

    /** The kind a command line names: {@code trade}, {@code quote} or {@code bar} (plurals too). */
    public static Optional<TickKind> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (TickKind kind : values()) {
            if (wanted.equals(kind.wireName) || wanted.equals(kind.wireName + "s")) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind a set of mapped fields can only be: prices make trades, bid and ask quotes, open-high-low-close bars. */
    static Optional<TickKind> inferredFrom(Set<TickField> mapped) {
        if (mapped.contains(PRICE)) {
            return Optional.of(TRADE);
        }
        if (mapped.contains(BID) || mapped.contains(ASK)) {
            return Optional.of(QUOTE);
        }
        if (mapped.contains(OPEN) || mapped.contains(CLOSE)) {
            return Optional.of(BAR);
        }
        return Optional.empty();
    }
}
