package io.tickflow.common.contract;

import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.TickRejected;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.common.contract.market.PartitionCommitted;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every public message contract of Tickflow: its wire name, its SNS {@code eventType}, its record and its JSON Schema.
 *
 * <p>The wire name ({@link #schemaName()}, e.g. {@code tickflow.candle-closed.v1}) is the {@code schema} property of
 * every message body; the {@link #eventType()} (e.g. {@code CandleClosed}) is the {@code eventType} message attribute
 * that SNS filter policies match. A breaking change makes a new contract with the next version, published alongside the
 * old one until its consumers have moved.
 */
public enum Contract {
    /** What users send to the ingest queue: a batch of ticks, or one bare tick. */
    TICK_BATCH(TickBatch.SCHEMA, null, TickBatch.class),
    /** Normalised ticks ingest-service accepted, published on the market-ticks topic. */
    TICKS_ACCEPTED(TicksAccepted.SCHEMA, "TicksAccepted", TicksAccepted.class),
    /** A tick or message ingest-service rejected, with its reason. */
    TICK_REJECTED(TickRejected.SCHEMA, "TickRejected", TickRejected.class),
    /** A candle storage-service closed, published on the market-events topic. */
    CANDLE_CLOSED(CandleClosed.SCHEMA, "CandleClosed", CandleClosed.class),
    /** Lake objects storage-service made durable, published on the market-events topic. */
    PARTITION_COMMITTED(PartitionCommitted.SCHEMA, "PartitionCommitted", PartitionCommitted.class),
    /** A strategy optimisation users ask for, sent to the analysis-requests queue. */
    ANALYSIS_REQUEST(AnalysisRequest.SCHEMA, "AnalysisRequested", AnalysisRequest.class),
    /** How far an analysis job has come, published on the analysis-results topic. */
    ANALYSIS_PROGRESS(AnalysisProgress.SCHEMA, "AnalysisProgress", AnalysisProgress.class),
    /** The outcome of a finished analysis job, published on the analysis-results topic. */
    ANALYSIS_COMPLETED(AnalysisCompleted.SCHEMA, "AnalysisCompleted", AnalysisCompleted.class),
    /** An analysis job that could not finish, published on the analysis-results topic. */
    ANALYSIS_FAILED(AnalysisFailed.SCHEMA, "AnalysisFailed", AnalysisFailed.class),
    /** A price alert rule that fired. */
    PRICE_ALERT_TRIGGERED(PriceAlertTriggered.SCHEMA, "PriceAlertTriggered", PriceAlertTriggered.class),
    /** The body notification-service delivers to webhooks and user topics, wrapping the event it notifies about. */
    NOTIFICATION(Notification.SCHEMA, null, Notification.class);

    private final String schemaName;
    private final @Nullable String eventType;
    private final Class<? extends ContractMessage> recordType;
    private final int version;

    Contract(String schemaName, @Nullable String eventType, Class<? extends ContractMessage> recordType) {
        // An enum constructor cannot read the enum's static fields, hence no shared Pattern constant.
        Matcher name = Pattern.compile("tickflow\\.[a-z]+(?:-[a-z]+)*\\.v([1-9][0-9]*)")
                .matcher(schemaName);
        if (!name.matches()) {
            throw new IllegalArgumentException("Not a contract name: " + schemaName);
        }
        this.schemaName = schemaName;
        this.eventType = eventType;
        this.recordType = recordType;
        this.version = Integer.parseInt(name.group(1));
    }

    /** The wire name, the {@code schema} property of each message, e.g. {@code tickflow.candle-closed.v1}. */
    public String schemaName() {
        return schemaName;
    }

    /** The {@code eventType} message attribute, e.g. {@code CandleClosed}; empty for contracts that are no SNS event. */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** The major version, the number after {@code .v} in the wire name; the {@code schemaVersion} attribute. */
    public int version() {
        return version;
    }

    /** The record a message of this contract reads into. */
    public Class<? extends ContractMessage> recordType() {
        return recordType;
    }

    /** The classpath resource of the JSON Schema, e.g. {@code contracts/tickflow.candle-closed.v1.schema.json}. */
    public String schemaResource() {
        return "contracts/" + schemaName + ".schema.json";
    }

    /** The classpath folder of the example messages, e.g. {@code contracts/examples/tickflow.candle-closed.v1/}. */
    public String examplesResource() {
        return "contracts/examples/" + schemaName + "/";
    }

    /**
     * The example messages of this contract, read from the classpath (a folder or the {@code common} jar). Each one is
     * valid against the schema: consumers' tests read them to check they understand what producers send.
     */
    public List<ContractExample> examples() {
        return ContractExample.load(this, examplesResource(), Contract.class.getClassLoader());
    }

    /**
     * Messages that must fail this contract's schema, each named for what is wrong with it; only the contracts that
     * users write by hand have them.
     */
    public List<ContractExample> invalidExamples() {
        return ContractExample.load(this, examplesResource() + "invalid/", Contract.class.getClassLoader());
    }

    /** The contract with this wire name, e.g. {@code tickflow.candle-closed.v1}. */
    public static Optional<Contract> bySchemaName(String schemaName) {
        return Arrays.stream(values())
                .filter(c -> c.schemaName.equals(schemaName))
                .findFirst();
    }

    /** The contract whose messages carry this {@code eventType} attribute, e.g. {@code CandleClosed}. */
    public static Optional<Contract> byEventType(String eventType) {
        return Arrays.stream(values())
                .filter(c -> Objects.equals(c.eventType, eventType))
                .findFirst();
    }

    /**
     * The contract a record follows.
     *
     * @throws IllegalArgumentException if no contract has this record type
     */
    public static Contract of(Class<? extends ContractMessage> recordType) {
        return Arrays.stream(values())
                .filter(c -> c.recordType.equals(recordType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No contract has the record type " + recordType));
    }
}
