package io.tickflow.common.contract;

/**
 * A message that travels on one of Tickflow's queues or topics under a registered {@link Contract}.
 *
 * <p>A publisher needs nothing else to send one: {@link ContractJson#mapper()} writes the body (with its {@code
 * schema} property) and {@link #messageAttributes()} gives the SNS or SQS message attributes.
 */
public interface ContractMessage {

    /** The contract this message follows. */
    Contract contract();

    /**
     * The message attributes to publish it with, so that subscriptions can filter on them without reading the body.
     * Every message gives {@code eventType} (where its contract has one) and {@code schemaVersion}; events add the
     * dimensions consumers route on, such as {@code venue}, {@code symbol} or {@code dataset}.
     */
    default MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract());
    }
}
