package io.tickflow.common.contract;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SNS / SQS message attributes a Tickflow message is published with: what filter policies match on.
 *
 * <p>Attribute names are the constants of this class. Values are typed like SNS's own data types: a {@link Text} is
 * published as a {@code String} attribute, a {@link Numeric} as a {@code Number} attribute (so filter policies can use
 * {@code numeric} conditions on it, e.g. {@code {"objectiveValue":[{"numeric":[">=",1.5]}]}}). A publisher copies
 * {@link #values()} into its request without knowing which event it publishes:
 *
 * <pre>{@code
 * event.messageAttributes().values().forEach((name, value) -> attributes.put(name,
 *         MessageAttributeValue.builder().dataType(value.dataType()).stringValue(value.asString()).build()));
 * }</pre>
 *
 * or, with Spring Cloud AWS's {@code SnsTemplate}, passes {@link #asHeaders()} as message headers.
 *
 * @param values attribute name to value, in the order they were added
 */
public record MessageAttributes(Map<String, Value> values) {

    /** The fact's name, e.g. {@code CandleClosed}; a String attribute. */
    public static final String EVENT_TYPE = "eventType";

    /** The contract's major version, e.g. {@code 1}; a Number attribute. */
    public static final String SCHEMA_VERSION = "schemaVersion";

    /** The trading venue, e.g. {@code bitstamp}. */
    public static final String VENUE = "venue";

    /** The instrument, e.g. {@code BTC-USD}. */
    public static final String SYMBOL = "symbol";

    /** {@code trades}, {@code quotes} or {@code bars}: see {@link Dataset}. */
    public static final String DATASET = "dataset";

    /** A candle interval, e.g. {@code 1m}: see {@link Interval}. */
    public static final String INTERVAL = "interval";

    /** The strategy an analysis runs, e.g. {@code sma-crossover}. */
    public static final String STRATEGY = "strategy";

    /** The objective an analysis optimises, e.g. {@code sharpe}. */
    public static final String OBJECTIVE = "objective";

    /** The best objective value an analysis found; a Number attribute. */
    public static final String OBJECTIVE_VALUE = "objectiveValue";

    public MessageAttributes {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "attribute name");
            Objects.requireNonNull(value, () -> "value of attribute " + name);
        });
    }

    /** The attributes every message of this contract carries: {@code eventType} (if it has one) and {@code schemaVersion}. */
    public static MessageAttributes of(Contract contract) {
        MessageAttributes attributes = new MessageAttributes(Map.of());
        if (contract.eventType().isPresent()) {
            attributes = attributes.with(EVENT_TYPE, contract.eventType().get());
        }
        return attributes.with(SCHEMA_VERSION, contract.version());
    }

    /** These attributes and a String attribute; replaces an attribute of the same name. */
    public MessageAttributes with(String name, String value) {
        return with(name, new Text(value));
    }

    /** These attributes and a Number attribute; replaces an attribute of the same name. */
    public MessageAttributes with(String name, Number value) {
        return with(name, new Numeric(value));
    }

    private MessageAttributes with(String name, Value value) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return new MessageAttributes(copy);
    }

    /** The attribute of this name, if present. */
    public Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The attributes as plain values: a {@link String} for String attributes, a {@link Number} for Number attributes.
     * This is the shape Spring Cloud AWS maps to SNS attribute data types when given as message headers.
     */
    public Map<String, Object> asHeaders() {
        Map<String, Object> headers = new LinkedHashMap<>();
        values.forEach((name, value) -> headers.put(
                name,
                switch (value) {
                    case Text text -> text.value();
                    case Numeric number -> number.value();
                }));
        return Collections.unmodifiableMap(headers);
    }

    /** A typed attribute value. */
    public sealed interface Value permits Text, Numeric {

        /** The SNS / SQS data type: {@code String} or {@code Number}. */
        String dataType();

        /** The value as SNS and SQS carry it on the wire (numbers in plain decimal notation). */
        String asString();
    }

    /**
     * A String attribute.
     *
     * @param value the text, not empty
     */
    public record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("A String message attribute cannot be empty");
            }
        }

        @Override
        public String dataType() {
            return "String";
        }

        @Override
        public String asString() {
            return value;
        }
    }

    /**
     * A Number attribute.
     *
     * @param value a finite number
     */
    public record Numeric(Number value) implements Value {
        public Numeric {
            Objects.requireNonNull(value, "value");
            try {
                new BigDecimal(value.toString());
            } catch (NumberFormatException notFinite) {
                throw new IllegalArgumentException("A Number message attribute must be a finite number: " + value);
            }
        }

        @Override
        public String dataType() {
            return "Number";
        }

        @Override
        public String asString() {
            return new BigDecimal(value.toString()).toPlainString();
        }
    }
}
