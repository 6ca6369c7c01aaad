package io.tickflow.notify.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.MessageAttributes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which events a subscription receives. It matches on an event's {@link ContractEvent#messageAttributes() message
 * attributes}, the same attributes an SNS filter policy sees, so a subscription gets what a subscriber with the
 * equivalent filter policy would get: fields are combined with AND, the values of one field with OR, and an empty field
 * accepts anything. A field or condition on an attribute the event does not carry does not match (an {@code
 * AnalysisFailed} has no {@code objectiveValue}, so {@code objectiveValue >= 1.5} never lets one through).
 *
 * <p>JSON: {@code {"eventTypes":["AnalysisCompleted"],"symbols":["BTC-USD"],"strategies":[],
 * "conditions":[{"attribute":"objectiveValue","op":">=","value":"1.5"}]}}; absent fields are empty.
 *
 * @param eventTypes the {@code eventType} attribute is one of these, Tickflow event types such as {@code
 *     AnalysisCompleted}; empty for any
 * @param symbols the {@code symbol} attribute is one of these, e.g. {@code BTC-USD}; empty for any
 * @param strategies the {@code strategy} attribute is one of these, e.g. {@code sma-crossover}; empty for any
 * @param conditions every one of these holds
 */
public record EventFilter(
        @JsonSetter(nulls = Nulls.AS_EMPTY) Set<String> eventTypes,
        @JsonSetter(nulls = Nulls.AS_EMPTY) Set<String> symbols,
        @JsonSetter(nulls = Nulls.AS_EMPTY) Set<String> strategies,
        @JsonSetter(nulls = Nulls.AS_EMPTY) List<Condition> conditions) {

    private static final SortedSet<String> EVENT_TYPES = Arrays.stream(Contract.values())
            .flatMap(contract -> contract.eventType().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    /** A filter that lets every event through. */
    public static final EventFilter ANY = new EventFilter(Set.of(), Set.of(), Set.of(), List.of());

    public EventFilter {
        eventTypes = names(eventTypes, "eventTypes");
        symbols = names(symbols, "symbols");
        strategies = names(strategies, "strategies");
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
        for (String eventType : eventTypes) {
            if (!EVENT_TYPES.contains(eventType)) {
                throw new IllegalArgumentException(
                        "Unknown event type '" + eventType + "'; Tickflow's event types are " + EVENT_TYPES);
            }
        }
    }

    /** Whether a subscription with this filter receives {@code event}. */
    public boolean matches(ContractEvent event) {
        MessageAttributes attributes = event.messageAttributes();
        return isOneOf(attributes, MessageAttributes.EVENT_TYPE, eventTypes)
                && isOneOf(attributes, MessageAttributes.SYMBOL, symbols)
                && isOneOf(attributes, MessageAttributes.STRATEGY, strategies)
                && conditions.stream().allMatch(condition -> condition.holdsFor(attributes));
    }

    private static boolean isOneOf(MessageAttributes attributes, String name, Set<String> accepted) {
        if (accepted.isEmpty()) {
            return true;
        }
        return attributes
                .get(name)
                .filter(value -> value instanceof MessageAttributes.Text)
                .map(value -> accepted.contains(value.asString()))
                .orElse(false);
    }

    private static Set<String> names(Collection<String> names, String field) {
        Objects.requireNonNull(names, field);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(field + " cannot hold a blank or null entry");
            }
        }
        // Sorted, so that the stored JSON of a filter is the same every time it is written.
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /**
     * One comparison of a message attribute with a value, like an SNS filter policy's {@code numeric} condition or its
     * exact and {@code anything-but} string matches.
     *
     * <p>On a Number attribute every operator compares as {@link BigDecimal} ({@code 1.50 = 1.5}); a value that is no
     * number never matches one. On a String attribute only {@code =} and {@code !=} apply, comparing the exact text;
     * {@code <}, {@code <=}, {@code >} and {@code >=} never match a String attribute, as SNS's numeric conditions do
     * not. On an absent attribute no condition matches, not even {@code !=}.
     *
     * @param attribute the message attribute's name, e.g. {@code objectiveValue}
     * @param op the comparison
     * @param value what the attribute is compared with; a number for {@code <}, {@code <=}, {@code >} and {@code >=}
     */
    public record Condition(String attribute, Operator op, String value) {

        public Condition {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (attribute.isBlank()) {
                throw new IllegalArgumentException(
                        "A condition names the message attribute it tests, e.g. objectiveValue; it is blank");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(
                        "The condition " + attribute + " " + op.symbol() + " compares with a value; it is blank");
            }
            if (op.orders() && number(value).isEmpty()) {
                throw new IllegalArgumentException("The condition " + attribute + " " + op.symbol() + " " + value
                        + " compares numbers; '" + value + "' is not a number");
            }
        }

        boolean holdsFor(MessageAttributes attributes) {
            return attributes
                    .get(attribute)
                    .map(actual -> switch (actual) {
                        case MessageAttributes.Numeric numeric ->
                            number(value)
                                    .map(expected -> op.accepts(new BigDecimal(numeric.asString()).compareTo(expected)))
                                    .orElse(false);
                        case MessageAttributes.Text text ->
                            switch (op) {
                                case EQUAL -> text.value().equals(value);
                                case NOT_EQUAL -> !text.value().equals(value);
                                case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> false;
                            };
                    })
                    .orElse(false);
        }

        private static Optional<BigDecimal> number(String text) {
            try {
                return Optional.of(new BigDecimal(text.strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    /** A comparison operator, written in JSON as its symbol ({@code >=}). */
    public enum Operator {
        /** Greater than. */
        GREATER(">"),
        /** Greater than or equal to. */
        GREATER_OR_EQUAL(">="),
        /** Less than. */
        LESS("<"),
        /** Less than or equal to. */
        LESS_OR_EQUAL("<="),
        /** Equal: numerically on a Number attribute, the exact text on a String attribute. */
        EQUAL("="),
        /** Not equal: numerically on a Number attribute, the exact text on a String attribute. */
        NOT_EQUAL("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code >=}. */
        @JsonValue
        public String symbol() {
            return symbol;
        }

        /**
         * The operator written as {@code symbol}.
         *
         * @throws IllegalArgumentException if no operator is written so
         */
        @JsonCreator
        public static Operator of(String symbol) {
            return Arrays.stream(values())
                    .filter(op -> op.symbol.equals(symbol))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown operator '" + symbol + "'; use one of "
                            + Arrays.stream(values()).map(Operator::symbol).toList()));
        }

        boolean orders() {
            return this != EQUAL && this != NOT_EQUAL;
        }

        /** Whether a comparison whose {@link Comparable#compareTo} gave {@code comparison} satisfies this operator. */
        boolean accepts(int comparison) {
            return switch (this) {
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
            };
        }
    }
}
