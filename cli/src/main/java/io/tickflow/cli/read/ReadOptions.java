package io.tickflow.cli.read;

import org.jspecify.annotations.Nullable;

/**
 * What the command line says about how to read the input, beyond its format.
 *
 * @param columns a CSV column mapping, {@code field=column[:timeformat],...}, or null to use a preset or the header
 * @param kind what the rows are, or null to tell from the columns
 * @param venue the venue of ticks that name none
 * @param symbol the symbol of CSV rows without a symbol column
 * @param interval the bar interval of CSV rows without an interval column
 * @param delimiter the CSV field separator
 * @param header whether the first CSV line names the columns
 */
public record ReadOptions(
        @Nullable String columns,
        @Nullable TickKind kind,
        @Nullable String venue,
        @Nullable String symbol,
        @Nullable String interval,
        char delimiter,
        boolean header) {}
