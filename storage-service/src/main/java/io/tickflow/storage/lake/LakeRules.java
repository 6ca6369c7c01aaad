package io.tickflow.storage.lake;

import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.LakePartition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What an event must be for the lake to hold it. ingest-service only publishes such events, but anyone allowed to
 * publish on the market-ticks topic reaches storage-service too: a venue or symbol that would leave its partition, or
 * a decimal that DECIMAL(38, 18) cannot hold exactly, is refused with the reason instead.
 */
public final class LakeRules {

    private LakeRules() {}

    /** Why the lake cannot hold {@code event}, if it cannot. */
    public static Optional<String> problem(TicksAccepted event) {
        try {
            LakePartition.of(
                    event.dataset(),
                    event.venue(),
                    event.symbol(),
                    event.ticks().getFirst().time());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        for (int i = 0; i < event.ticks().size(); i++) {
            Tick tick = event.ticks().get(i);
            List<BigDecimal> decimals =
                    switch (tick) {
                        case Trade t -> List.of(t.price(), t.size());
                        case Quote q -> List.of(q.bid(), q.bidSize(), q.ask(), q.askSize());
                        case Bar b -> List.of(b.open(), b.high(), b.low(), b.close(), b.volume());
                    };
            for (BigDecimal value : decimals) {
                if (!LakeDecimal.fits(value)) {
                    return Optional.of("Tick " + i + " has the decimal " + value.toPlainString()
                            + ", which DECIMAL(38, 18) cannot hold exactly");
                }
            }
        }
        return Optional.empty();
    }
}
