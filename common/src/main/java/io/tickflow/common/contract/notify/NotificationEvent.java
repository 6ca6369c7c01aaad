package io.tickflow.common.contract.notify;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.ContractEvent;

/**
 * What notification-service sends out: alerts that fired and the notifications that deliver events to subscribers.
 * Consumers read a body with {@code ContractJson.mapper().readValue(body, NotificationEvent.class)} and switch over it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "schema")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PriceAlertTriggered.class, name = PriceAlertTriggered.SCHEMA),
    @JsonSubTypes.Type(value = Notification.class, name = Notification.SCHEMA)
})
public sealed interface NotificationEvent extends ContractEvent permits PriceAlertTriggered, Notification {}
