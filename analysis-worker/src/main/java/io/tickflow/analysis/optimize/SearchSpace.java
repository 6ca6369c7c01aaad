package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.common.contract.analysis.ParameterSpace;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The parameter sets a study may try: one dimension per parameter the strategy declares, checked against the
 * parameter's bounds when built. A parameter the request does not search keeps its default. A searched one is either
 * a finite ordered list of values (a range with a step, or choices) or a continuous interval (a range without a step;
 * a whole-number parameter then takes the whole numbers inside it).
 *
 * <p>Grid values are computed in decimal ({@code min + i * step} as {@link BigDecimal}) and only then turned into the
 * nearest double, so a range from 0.1 in steps of 0.1 holds 0.3, not 0.30000000000000004.
 *
 * <p>Searches that move through a continuous space (CMA-ES, the genetic algorithm) see it as the unit cube {@code
 * [0,1]^d}, one coordinate per {@linkplain #dimensions() dimension that varies}; {@link #at(double[])} maps a point of
 * the cube to a parameter set. A dimension of {@code n} values splits its coordinate into {@code n} cells of equal
 * width, one per value, so each value is as easy to reach as any other.
 */
public final class SearchSpace {

    private final List<Dimension> dimensions;
    private final List<Dimension> varying;
    private final ParameterSet defaults;
    private final OptionalLong gridSize;

    private SearchSpace(List<Dimension> dimensions, ParameterSet defaults) {
        this.dimensions = List.copyOf(dimensions);
        this.varying = dimensions.stream().filter(Dimension::varies).toList();
        this.defaults = defaults;
        this.gridSize = gridSize(dimensions);
    }

    /**
     * The space a request asks to search, for a strategy whose name is not at hand (messages say "The strategy").
     *
     * @see #of(String, List, Map, long)
     */
    public static SearchSpace of(List<Parameter> declared, Map<String, ParameterSpace> requested, long maxGridSize) {
        return of("The strategy", declared, requested, maxGridSize);
    }

    /**
     * The space a request asks to search.
     *
     * @param strategy the strategy's name, for messages ("sma-crossover has no parameter 'fsat'")
     * @param declared the parameters the strategy declares
     * @param requested the values to search, by parameter name; parameters left out keep their default
     * @param maxGridSize the most values one stepped range may hold, and the most combinations a space of only finite
     *     dimensions may have
     * @throws InvalidSearchSpaceException if a requested parameter is not declared, a value lies outside its
     *     parameter's bounds, a whole-number parameter is given a fraction (a value, a stepped range's start or step),
     *     a continuous range of a whole-number parameter holds no whole number, or the grid is larger than {@code
     *     maxGridSize}
     */
    public static SearchSpace of(
            String strategy, List<Parameter> declared, Map<String, ParameterSpace> requested, long maxGridSize) {
        Objects.requireNonNull(strategy, "strategy");
        if (maxGridSize < 1) {
            throw new IllegalArgumentException("A grid may hold at least one combination: " + maxGridSize);
        }
        Map<String, Parameter> byName = new TreeMap<>();
        declared.forEach(parameter -> byName.put(parameter.name(), parameter));
        for (String name : new TreeMap<>(requested).keySet()) {
            if (!byName.containsKey(name)) {
                String takes = declared.isEmpty()
                        ? "it takes no parameters"
                        : "it takes " + declared.stream().map(Parameter::name).collect(Collectors.joining(", "));
                throw new InvalidSearchSpaceException(strategy + " has no parameter '" + name + "'; " + takes);
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        TreeMap<String, Double> defaults = new TreeMap<>();
        for (Parameter parameter : declared) {
            ParameterSpace space = requested.get(parameter.name());
            dimensions.add(
                    space == null
                            ? new Values(parameter.name(), List.of(normalized(parameter.defaultValue())))
                            : dimension(parameter, space, maxGridSize));
            defaults.put(parameter.name(), normalized(parameter.defaultValue()));
        }
        boolean finite = true;
        BigInteger combinations = BigInteger.ONE;
        for (Dimension dimension : dimensions) {
            if (dimension instanceof Values values) {
                combinations =
                        combinations.multiply(BigInteger.valueOf(values.values().size()));
            } else {
                finite = false;
            }
        }
        if (finite && combinations.compareTo(BigInteger.valueOf(maxGridSize)) > 0) {
            throw new InvalidSearchSpaceException("The grid has " + combinations + " combinations, more than the "
                    + maxGridSize + " a study may hold; use larger steps or fewer choices");
        }
        return new SearchSpace(dimensions, new ParameterSet(defaults));
    }

    /** The number of combinations when every dimension is finite; empty when one is continuous. */
    public OptionalLong gridSize() {
        return gridSize;
    }

    /** The names of all the strategy's parameters, in the order it declares them. */
    public List<String> names() {
        return dimensions.stream().map(Dimension::name).toList();
    }

    /** The number of dimensions that vary (more than one value): the dimension of the unit cube {@link #at} maps. */
    public int dimensions() {
        return varying.size();
    }

    /** The strategy's defaults for every parameter, whatever the request searches. */
    public ParameterSet defaults() {
        return defaults;
    }

    /**
     * Every combination, lazily, the first declared parameter varying slowest and the last fastest (as nested loops
     * in declared order).
     *
     * @throws InvalidSearchSpaceException if a dimension is continuous
     */
    public Stream<ParameterSet> grid() {
        long size = requireGrid();
        return StreamSupport.stream(
                Spliterators.spliterator(
                        new GridIterator(),
                        size,
                        Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                false);
    }

    /** One set drawn uniformly: each varying dimension independently, each of its values (or points) equally likely. */
    public ParameterSet sample(RandomGenerator random) {
        TreeMap<String, Double> values = new TreeMap<>();
        for (Dimension dimension : dimensions) {
            values.put(dimension.name(), normalized(dimension.varies() ? dimension.sample(random) : dimension.at(0)));
        }
        return new ParameterSet(values);
    }

    /**
     * The set at {@code point} of the unit cube: one coordinate per {@linkplain #dimensions() varying dimension}, in
     * declared order. A coordinate outside [0, 1] counts as the nearest bound. A finite dimension takes the value whose
     * cell holds the coordinate; a whole-number one the whole number whose cell holds it; a continuous one the point
     * as far along its interval as the coordinate is along [0, 1].
     */
    public ParameterSet at(double[] point) {
        if (point.length != varying.size()) {
            throw new IllegalArgumentException(
                    "A point of this space has " + varying.size() + " coordinates, not " + point.length);
        }
        for (double coordinate : point) {
            if (Double.isNaN(coordinate)) {
                throw new IllegalArgumentException("A point's coordinates are numbers: " + Arrays.toString(point));
            }
        }
        TreeMap<String, Double> values = new TreeMap<>();
        int coordinate = 0;
        for (Dimension dimension : dimensions) {
            double value = dimension.varies() ? dimension.at(point[coordinate++]) : dimension.at(0);
            values.put(dimension.name(), normalized(value));
        }
        return new ParameterSet(values);
    }

    @Override
    public String toString() {
        return dimensions.toString();
    }

    private long requireGrid() {
        List<String> continuous = dimensions.stream()
                .filter(dimension -> !(dimension instanceof Values))
                .map(dimension -> "'" + dimension.name() + "'")
                .toList();
        if (!continuous.isEmpty()) {
            throw new InvalidSearchSpaceException("Grid search needs a step for " + String.join(" and ", continuous)
                    + "; give each range a step or use random, cmaes or genetic search");
        }
        return gridSize.orElseThrow();
    }

    private static OptionalLong gridSize(List<Dimension> dimensions) {
        long size = 1;
        for (Dimension dimension : dimensions) {
            if (!(dimension instanceof Values values)) {
                return OptionalLong.empty();
            }
            size = Math.multiplyExact(size, values.values().size());
        }
        return OptionalLong.of(size);
    }

    private static Dimension dimension(Parameter parameter, ParameterSpace space, long maxGridSize) {
        return switch (space) {
            case ParameterSpace.Range range -> range(parameter, range, maxGridSize);
            case ParameterSpace.Choices choices -> choices(parameter, choices);
        };
    }

    private static Dimension range(Parameter parameter, ParameterSpace.Range range, long maxGridSize) {
        String name = parameter.name();
        BigDecimal min = range.min();
        BigDecimal max = range.max();
        BigDecimal step = range.step();
        if (min.doubleValue() < parameter.min() || max.doubleValue() > parameter.max()) {
            throw new InvalidSearchSpaceException(name + " is between " + format(parameter.min()) + " and "
                    + format(parameter.max()) + ", so it cannot range from " + format(min) + " to " + format(max));
        }
        if (step == null) {
            return continuous(parameter, min, max);
        }
        if (parameter.integral() && !isWhole(min)) {
            throw new InvalidSearchSpaceException(
                    name + " is a whole number, so its range cannot start at " + format(min));
        }
        if (parameter.integral() && !isWhole(step)) {
            throw new InvalidSearchSpaceException(
                    name + " is a whole number, so its step must be one too, not " + format(step));
        }
        BigInteger count = max.subtract(min)
                .divideToIntegralValue(step)
                .toBigIntegerExact()
                .add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(maxGridSize)) > 0) {
            throw new InvalidSearchSpaceException(name + " from " + format(min) + " to " + format(max) + " in steps of "
                    + format(step) + " has " + count + " values, more than the " + maxGridSize
                    + " a study may hold; use a larger step");
        }
        // Each value from its own multiple of the step, so rounding never accumulates.
        List<Double> values = new ArrayList<>(count.intValueExact());
        for (int i = 0; i < count.intValueExact(); i++) {
            values.add(normalized(min.add(step.multiply(BigDecimal.valueOf(i))).doubleValue()));
        }
        return new Values(name, values);
    }

    private static Dimension continuous(Parameter parameter, BigDecimal min, BigDecimal max) {
        if (parameter.integral()) {
            double first = Math.ceil(min.doubleValue());
            double last = Math.floor(max.doubleValue());
            if (first > last) {
                throw new InvalidSearchSpaceException(parameter.name() + " is a whole number and none lies between "
                        + format(min) + " and " + format(max) + "; widen the range");
            }
            return first == last
                    ? new Values(parameter.name(), List.of(normalized(first)))
                    : new WholeNumbers(parameter.name(), first, last);
        }
        double low = min.doubleValue();
        double high = max.doubleValue();
        return low == high
                ? new Values(parameter.name(), List.of(normalized(low)))
                : new Interval(parameter.name(), low, high);
    }

    private static Dimension choices(Parameter parameter, ParameterSpace.Choices choices) {
        Set<Double> values = new LinkedHashSet<>();
        for (BigDecimal choice : choices.values()) {
            double value = choice.doubleValue();
            if (!(value >= parameter.min() && value <= parameter.max())) {
                throw new InvalidSearchSpaceException(parameter.name() + " is between " + format(parameter.min())
                        + " and " + format(parameter.max()) + ", so it cannot take " + format(choice));
            }
            if (parameter.integral() && !isWhole(choice)) {
                throw new InvalidSearchSpaceException(
                        parameter.name() + " is a whole number, so it cannot take " + format(choice));
            }
            values.add(normalized(value));
        }
        return new Values(parameter.name(), List.copyOf(values));
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    // -0.0 and 0.0 are the same parameter value but not equal Doubles; sets must compare equal to be cached.
    private static double normalized(double value) {
        return value + 0.0;
    }

    private static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** The cell of [0, 1] split into {@code count} equal cells that holds {@code coordinate}. */
    private static long cell(double coordinate, long count) {
        double clamped = Math.clamp(coordinate, 0.0, 1.0);
        return Math.min(count - 1, (long) Math.floor(clamped * count));
    }

    /** One parameter's values. */
    private sealed interface Dimension permits Values, Interval, WholeNumbers {

        String name();

        /** Whether it has more than one value. */
        boolean varies();

        /** The value at {@code coordinate} of [0, 1]. */
        double at(double coordinate);

        /** A value drawn uniformly. */
        double sample(RandomGenerator random);
    }

    /** A finite ordered list of distinct values. */
    private record Values(String name, List<Double> values) implements Dimension {

        @Override
        public boolean varies() {
            return values.size() > 1;
        }

        @Override
        public double at(double coordinate) {
            return values.get((int) cell(coordinate, values.size()));
        }

        @Override
        public double sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** Every real number in [{@code min}, {@code max}], {@code min < max}. */
    private record Interval(String name, double min, double max) implements Dimension {

        @Override
        public boolean varies() {
            return true;
        }

        @Override
        public double at(double coordinate) {
            return Math.min(max, min + Math.clamp(coordinate, 0.0, 1.0) * (max - min));
        }

        @Override
        public double sample(RandomGenerator random) {
            return random.nextDouble(min, max);
        }
    }

    /** Every whole number from {@code first} to {@code last}, {@code first < last}. */
    private record WholeNumbers(String name, double first, double last) implements Dimension {

        @Override
        public boolean varies() {
            return true;
        }

        @Override
        public double at(double coordinate) {
            return first + cell(coordinate, count());
        }

        @Override
        public double sample(RandomGenerator random) {
            return first + random.nextLong(count());
        }

        private long count() {
            return (long) (last - first) + 1;
        }
    }

    /** The grid's combinations as an odometer over the value indices, the last dimension turning fastest. */
    private final class GridIterator implements Iterator<ParameterSet> {

        private final int[] index = new int[dimensions.size()];
        private @Nullable ParameterSet next = combination();

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public ParameterSet next() {
            ParameterSet current = next;
            if (current == null) {
                throw new NoSuchElementException();
            }
            next = advance() ? combination() : null;
            return current;
        }

        private boolean advance() {
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < ((Values) dimensions.get(d)).values().size()) {
                    return true;
                }
                index[d] = 0;
            }
            return false;
        }

        private ParameterSet combination() {
            TreeMap<String, Double> values = new TreeMap<>();
            for (int d = 0; d < index.length; d++) {
                Values dimension = (Values) dimensions.get(d);
                values.put(dimension.name(), dimension.values().get(index[d]));
            }
            return new ParameterSet(values);
        }
    }
}
