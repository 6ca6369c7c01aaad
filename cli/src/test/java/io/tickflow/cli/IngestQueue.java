package io.tickflow.cli;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.QueueDrainer;
import java.time.Duration;
import java.util.List;

/** The shared stack's ingest queue, as the tests see it: emptied before a test, read back after the CLI ran. */
final class IngestQueue {

    static final String NAME = Topology.tickflow().queue("ingest");

    private final QueueDrainer drainer;

    IngestQueue(LocalAwsClients aws) {
        this.drainer = new QueueDrainer(aws);
    }

    /** Empties the queue of whatever earlier tests left. */
    void clear() {
        drainer.drain(NAME, Duration.ofSeconds(1));
    }

    /** Every message body in the queue, removing them. */
    List<String> bodies() {
        return drainer.drainBodies(NAME, Duration.ofSeconds(1));
    }

    /** Every message in the queue, read as the contract, removing them. */
    List<TickBatch> batches() {
        return bodies().stream().map(IngestQueue::parse).toList();
    }

    /** Every tick in the queue, in no particular order across messages. */
    List<Tick> ticks() {
        return batches().stream().flatMap(b -> b.ticks().stream()).toList();
    }

    static TickBatch parse(String body) {
        return ContractJson.mapper().readValue(body, TickBatch.class);
    }
}
