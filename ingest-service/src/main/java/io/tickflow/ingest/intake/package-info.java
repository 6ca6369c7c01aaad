/**
 * Intake: the domain core of ingest-service, which turns one ingest queue message into accepted, normalised ticks and
 * rejections with their reasons. Plain Java: no Spring, no AWS; the SQS adapter calls {@link
 * io.tickflow.ingest.intake.TickIntake#read} and publishes what it returns.
 *
 * <p>The public types are what the adapter needs: {@link io.tickflow.ingest.intake.TickIntake} and its {@link
 * io.tickflow.ingest.intake.IntakeRules}; the {@link io.tickflow.ingest.intake.IntakeResult} with its {@link
 * io.tickflow.ingest.intake.AcceptedTick}s grouped by {@link io.tickflow.ingest.intake.TickStream}, each with its
 * {@link io.tickflow.ingest.intake.TickId}; and {@link io.tickflow.ingest.intake.Rejection}s with their {@link
 * io.tickflow.ingest.intake.ReasonCode}. Everything else (the token-stream reader, the text readers for decimals and
 * times, the spelling rules) is package-private.
 */
@NullMarked
package io.tickflow.ingest.intake;

import org.jspecify.annotations.NullMarked;
