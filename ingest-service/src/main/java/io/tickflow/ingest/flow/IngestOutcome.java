package io.tickflow.ingest.flow;

/**
 * What one round of ingestion did, for metrics and logs.
 *
 * @param messages ingest messages handled
 * @param acceptedTicks ticks published for the first time
 * @param duplicateTicks accepted ticks not published again because the same batch was published before
 * @param rejectedTicks ticks rejected, each recorded with its reason
 * @param quarantinedMessages messages rejected as a whole and quarantined
 * @param events TicksAccepted events published
 */
public record IngestOutcome(
        int messages, int acceptedTicks, int duplicateTicks, int rejectedTicks, int quarantinedMessages, int events) {}
