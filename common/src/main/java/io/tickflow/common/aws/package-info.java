/**
 * AWS wiring every Tickflow service shares: readiness that checks the queues, topics, buckets and tables a service
 * declares it needs (see {@link io.tickflow.common.aws.RequiredResources}), and the profile configuration in
 * {@code tickflow-aws.yml}.
 *
 * <p>Spring and the AWS SDK are optional dependencies of {@code common}: this package is active only in a service,
 * which brings them, and contract consumers do not inherit them.
 */
@NullMarked
package io.tickflow.common.aws;

import org.jspecify.annotations.NullMarked;
