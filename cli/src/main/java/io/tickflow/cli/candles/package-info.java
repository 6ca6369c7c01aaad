/** {@code ./tickflow candles}: candles from storage-service's read API, as a table in the terminal. */
@NullMarked
package io.tickflow.cli.candles;

import org.jspecify.annotations.NullMarked;
