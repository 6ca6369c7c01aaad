/**
 * Metering of AWS requests: every call an SDK client makes is counted by service, operation and outcome, with the units
 * AWS bills it in, so that a service's request mix and its cost per unit of work can be read from its metrics.
 *
 * <p>{@link io.tickflow.common.aws.metering.AwsRequestMeteringAutoConfiguration} adds the interceptor to every client
 * Spring Cloud AWS builds when the service has a {@code MeterRegistry}; code that builds its own clients adds an
 * {@link io.tickflow.common.aws.metering.AwsRequestMetering} to their override configuration.
 */
@NullMarked
package io.tickflow.common.aws.metering;

import org.jspecify.annotations.NullMarked;
