package io.tickflow.storage.flow;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.storage.lake.LakeBuffer;
import io.tickflow.storage.lake.LakeRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * What storage-service does with each batch of messages it receives: candles and prices are brought up to date at once,
 * the ticks wait in the lake buffer, and the messages stay unacknowledged until {@link LakeFlush} wrote them.
 *
 * <p>A message that is not a TicksAccepted event, or one the lake cannot hold, is quarantined with its reason and the
 * rest of the batch goes on. Failures of DynamoDB or SNS propagate: nothing of the batch is buffered, and its messages
 * come back after their visibility timeout.
 */
public final class TickStorage {

    private final MarketStateUpdate market;
    private final LakeBuffer buffer;
    private final Quarantine quarantine;

    public TickStorage(MarketStateUpdate market, LakeBuffer buffer, Quarantine quarantine) {
        this.market = market;
        this.buffer = buffer;
        this.quarantine = quarantine;
    }

    /** Takes a batch of messages in; blocks while the lake buffer is full. */
    public Outcome receive(List<IncomingMessage> messages) throws InterruptedException {
        List<IncomingMessage> accepted = new ArrayList<>(messages.size());
        List<TicksAccepted> events = new ArrayList<>(messages.size());
        int quarantined = 0;
        for (IncomingMessage message : messages) {
            TicksAccepted event;
            try {
                event = ContractJson.mapper().readValue(message.body(), TicksAccepted.class);
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                quarantine.quarantine(
                        message,
                        "NOT_TICKS_ACCEPTED",
                        "The message is not a tickflow.ticks-accepted.v1 event, which is all the storage-ticks queue"
                                + " takes: " + e.getMessage());
                quarantined++;
                continue;
            }
            Optional<String> problem = LakeRules.problem(event);
            if (problem.isPresent()) {
                quarantine.quarantine(message, "NOT_STORABLE", problem.get());
                quarantined++;
                continue;
            }
            accepted.add(message);
            events.add(event);
        }
        MarketStateUpdate.Outcome state = market.apply(events);
        int ticks = 0;
        for (int i = 0; i < accepted.size(); i++) {
            buffer.add(accepted.get(i).receipt(), List.of(events.get(i)));
            ticks += events.get(i).ticks().size();
        }
        return new Outcome(
                accepted.size(),
                quarantined,
                ticks,
                state,
                events.stream().map(TicksAccepted::occurredAt).toList());
    }

    /**
     * What one batch did.
     *
     * @param events events taken in
     * @param quarantined messages quarantined
     * @param ticks ticks buffered for the lake
     * @param state what the candles and prices update did
     * @param accepted when ingest-service accepted each event taken in, to measure how long the ticks took to arrive
     */
    public record Outcome(
            int events, int quarantined, int ticks, MarketStateUpdate.Outcome state, List<Instant> accepted) {}
}
