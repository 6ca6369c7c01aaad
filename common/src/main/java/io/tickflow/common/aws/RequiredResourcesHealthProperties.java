package io.tickflow.common.aws;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the {@link RequiredResourcesHealthIndicator}.
 *
 * @param cacheTtl how long one round of lookups answers health probes before the next round
 * @param timeout how long each lookup may take before the resource counts as not checkable
 */
@ConfigurationProperties("tickflow.health.required-resources")
public record RequiredResourcesHealthProperties(
        @DefaultValue("10s") Duration cacheTtl, @DefaultValue("3s") Duration timeout) {}
