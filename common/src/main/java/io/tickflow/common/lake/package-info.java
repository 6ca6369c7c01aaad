/**
 * The layout of Tickflow's market-data lake in the data bucket: Hive-style partitions by dataset, venue, symbol, UTC
 * date and hour, so that Athena, Spark, DuckDB and Polars read it as it stands. storage-service writes it;
 * analysis-worker and users read it.
 */
@NullMarked
package io.tickflow.common.lake;

import org.jspecify.annotations.NullMarked;
