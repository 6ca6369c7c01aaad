package io.tickflow.ingest.intake;

import io.tickflow.ingest.intake.TickFields.Field;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of tick the contract knows, each with its fields in the order their problems are reported.
 *
 * <p>A tick's other fields (a trade's {@code bid}, or anything the contract does not name) are ignored, as the
 * contract's tolerant reader promises: producers may send more than Tickflow reads.
 */
enum TickType {
    TRADE(
            "trade",
            List.of(Field.SYMBOL, Field.TIME, Field.PRICE, Field.SIZE, Field.SIDE, Field.TRADE_ID, Field.SEQUENCE),
            EnumSet.of(Field.SIDE, Field.TRADE_ID, Field.SEQUENCE)),
    QUOTE(
            "quote",
            List.of(Field.SYMBOL, Field.TIME, Field.BID, Field.BID_SIZE, Field.ASK, Field.ASK_SIZE),
            EnumSet.noneOf(Field.class)),
    BAR(
            "bar",
            List.of(
                    Field.SYMBOL,
                    Field.INTERVAL,
                    Field.TIME,
                    Field.OPEN,
                    Field.HIGH,
                    Field.LOW,
                    Field.CLOSE,
                    Field.VOLUME),
            EnumSet.noneOf(Field.class));

    private final String wireName;
    private final Field[] fields;
    private final int fieldMask;
    private final int requiredMask;

    TickType(String wireName, List<Field> fields, Set<Field> optional) {
        this.wireName = wireName;
        this.fields = fields.toArray(Field[]::new);
        int all = 0;
        int required = 0;
        for (Field field : fields) {
            all |= field.bit();
            if (!optional.contains(field)) {
                required |= field.bit();
            }
        }
        this.fieldMask = all;
        this.requiredMask = required;
    }

    /** {@code trade}, {@code quote} or {@code bar}: the {@code type} property. */
    String wireName() {
        return wireName;
    }

    /** The fields a tick of this type reads, in the order their problems are reported. */
    Field[] fields() {
        return fields;
    }

    /** The bits ({@link Field#bit()}) of {@link #fields()}. */
    int fieldMask() {
        return fieldMask;
    }

    /** The bits of the fields every tick of this type has. */
    int requiredMask() {
        return requiredMask;
    }
}
