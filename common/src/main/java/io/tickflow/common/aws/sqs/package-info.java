/** SQS wiring shared by the services. */
@NullMarked
package io.tickflow.common.aws.sqs;

import org.jspecify.annotations.NullMarked;
