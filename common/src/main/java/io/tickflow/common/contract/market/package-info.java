/**
 * What storage-service announces on the {@code market-events} topic once market data is durable: {@link
 * io.tickflow.common.contract.market.CandleClosed} and {@link io.tickflow.common.contract.market.PartitionCommitted},
 * grouped under {@link io.tickflow.common.contract.market.MarketEvent}.
 */
@NullMarked
package io.tickflow.common.contract.market;

import org.jspecify.annotations.NullMarked;
