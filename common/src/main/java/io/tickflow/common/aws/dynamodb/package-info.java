/** DynamoDB's batch calls with their limits and their retries of what the table left unprocessed, once. */
@NullMarked
package io.tickflow.common.aws.dynamodb;

import org.jspecify.annotations.NullMarked;
