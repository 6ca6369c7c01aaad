package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The values an optimisation may try for one strategy parameter: a {@link Range} ({@code {"min":5,"max":50,"step":5}})
 * or a list of {@link Choices} ({@code {"values":[7,14,21]}}). The JSON shape tells which; there is no type property.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ParameterSpace.Range.class), @JsonSubTypes.Type(ParameterSpace.Choices.class)})
public sealed interface ParameterSpace permits ParameterSpace.Range, ParameterSpace.Choices {

    /**
     * Every value from {@code min} to {@code max}, both included.
     *
     * @param min the smallest value
     * @param max the largest value, not below {@code min}
     * @param step the spacing of a grid ({@code min}, {@code min + step}, ... up to {@code max}); without it the range
     *     is continuous, which only the {@code random}, {@code cmaes} and {@code genetic} optimizers can search
     */
    record Range(BigDecimal min, BigDecimal max, @Nullable BigDecimal step) implements ParameterSpace {
        public Range {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("A range's max " + max + " is below its min " + min);
            }
            if (step != null && step.signum() <= 0) {
                throw new IllegalArgumentException("A range's step is positive: " + step);
            }
        }
    }

    /**
     * A fixed set of values, tried as given.
     *
     * @param values at least one value
     */
    record Choices(List<BigDecimal> values) implements ParameterSpace {
        public Choices {
            values = List.copyOf(Objects.requireNonNull(values, "values"));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("A parameter has at least one value to choose from");
            }
        }
    }
}
