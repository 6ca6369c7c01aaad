/**
 * Parameter search for studies: the {@link io.tickflow.analysis.optimize.SearchSpace} a request asks to search,
 * checked against what the strategy declares, and the methods that search it ({@link
 * io.tickflow.analysis.optimize.Searches}): every grid combination, uniform random samples, CMA-ES (Hipparchus) and a
 * genetic algorithm (Jenetics). A search proposes parameter sets in batches and leaves running the backtests to its
 * caller, so a batch can be spread over many workers.
 */
@NullMarked
package io.tickflow.analysis.optimize;

import org.jspecify.annotations.NullMarked;
