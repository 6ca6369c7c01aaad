package io.tickflow.analysis.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One set of strategy parameter values, by name. Two sets with the same values are equal, which lets a search skip a
 * set it has already tried.
 *
 * @param values the values, ordered by name
 */
public record ParameterSet(SortedMap<String, Double> values) {

    public ParameterSet {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(values, "values")));
        values.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Parameter " + name + " is a finite number: " + value);
            }
        });
    }

    /** The set holding {@code values}. */
    public static ParameterSet of(Map<String, Double> values) {
        return new ParameterSet(new TreeMap<>(values));
    }

    /** The value of {@code name}. */
    public double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new InvalidParametersException("The parameter set has no value for " + name + ": " + values);
        }
        return value;
    }

    /** The value of {@code name}, which must be a whole number (a period, a count). */
    public int intValue(String name) {
        double value = value(name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidParametersException(name + " is a whole number: " + value);
        }
        return (int) value;
    }

    /** This set with {@code name} set to {@code value}. */
    public ParameterSet with(String name, double value) {
        TreeMap<String, Double> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new ParameterSet(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
