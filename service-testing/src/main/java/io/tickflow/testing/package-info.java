/**
 * What the services' tests share: {@link io.tickflow.testing.RunningService} runs a service against the embedded AWS
 * stack, {@link io.tickflow.testing.ServiceReadinessContract} holds the readiness every service promises, and
 * {@link io.tickflow.testing.ArchitectureRules} the boundary every service keeps between domain code and Spring or AWS.
 *
 * <p>Main code here is test code there: the services depend on this module with test scope only.
 */
@NullMarked
package io.tickflow.testing;

import org.jspecify.annotations.NullMarked;
