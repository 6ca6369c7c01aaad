/** Benchmarks and load harnesses of Tickflow, one package per service; what their reports share. */
@NullMarked
package io.tickflow.bench;

import org.jspecify.annotations.NullMarked;
