package io.tickflow.storage.it;

import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Publishes TicksAccepted events on the market-ticks topic of a test's stack, as ingest-service would. */
final class MarketTicks {

    private final SnsEventPublisher publisher;

    MarketTicks(LocalAwsClients aws) {
        this(aws, Topology.tickflow());
    }

    MarketTicks(LocalAwsClients aws, Topology topology) {
        this.publisher =
                new SnsEventPublisher(aws.sns(), new TopicArns(aws.sns()).lookup(topology.topic("market-ticks")), 10);
    }

    /** The ticks as events of at most {@code perEvent} ticks, each with a fresh event id. */
    static List<TicksAccepted> events(
            String venue, String symbol, Dataset dataset, List<? extends Tick> ticks, int perEvent) {
        List<TicksAccepted> events = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += perEvent) {
            events.add(new TicksAccepted(
                    UUID.randomUUID(),
                    Instant.parse("2026-11-29T00:00:00Z"),
                    venue,
                    symbol,
                    dataset,
                    List.copyOf(ticks.subList(i, Math.min(ticks.size(), i + perEvent))),
                    List.of(UUID.randomUUID().toString())));
        }
        return events;
    }

    void publish(List<TicksAccepted> events) {
        publisher.publish(events);
    }
}
