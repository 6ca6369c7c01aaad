/**
 * Benchmarks of storage-service's lake writer ({@link io.tickflow.bench.storage.LakeBenchmarkReport}): trades per second
 * through {@code LakeFile.of} and {@code ParquetTicks.encode} against writing the same trades as JSON, and bytes at rest
 * per trade in the lake's layouts, on the real Bitstamp trades; written to {@code bench/reports/storage-lake.md}.
 */
@NullMarked
package io.tickflow.bench.storage;

import org.jspecify.annotations.NullMarked;
