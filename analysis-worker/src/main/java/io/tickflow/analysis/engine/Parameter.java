package io.tickflow.analysis.engine;

import java.util.Objects;

/**
 * A parameter a strategy declares: its name, the value it takes when a request does not search it, and the values it
 * can take at all.
 *
 * @param name the name requests use, e.g. {@code fast}
 * @param description what it means, for a person
 * @param defaultValue the value when a request leaves it out
 * @param min the smallest meaningful value
 * @param max the largest meaningful value
 * @param integral whether only whole numbers make sense (periods)
 */
public record Parameter(
        String name, String description, double defaultValue, double min, double max, boolean integral) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(
                    name + "'s default " + defaultValue + " lies in [" + min + ", " + max + "]");
        }
    }

    /** A whole-number parameter such as a period. */
    public static Parameter integer(String name, String description, int defaultValue, int min, int max) {
        return new Parameter(name, description, defaultValue, min, max, true);
    }

    /** A parameter taking any real value in [{@code min}, {@code max}]. */
    public static Parameter real(String name, String description, double defaultValue, double min, double max) {
        return new Parameter(name, description, defaultValue, min, max, false);
    }

    /**
     * Checks that {@code value} is one this parameter can take.
     *
     * @throws InvalidParametersException naming the parameter, the value and what is allowed
     */
    public void check(double value) {
        if (!(value >= min && value <= max)) {
            throw new InvalidParametersException(
                    name + " is between " + format(min) + " and " + format(max) + ", not " + format(value));
        }
        if (integral && value != Math.rint(value)) {
            throw new InvalidParametersException(name + " is a whole number, not " + format(value));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
