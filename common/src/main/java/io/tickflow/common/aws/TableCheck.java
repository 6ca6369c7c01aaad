package io.tickflow.common.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Looks a table up with DynamoDB DescribeTable; a table that is still being created or is being deleted is not usable. */
final class TableCheck implements ResourceCheck {

    // UPDATING tables (a new index, a capacity change) serve reads and writes as usual.
    private static final Set<TableStatus> USABLE = Set.of(TableStatus.ACTIVE, TableStatus.UPDATING);

    private final DynamoDbClient dynamoDb;
    private final Duration timeout;

    TableCheck(DynamoDbClient dynamoDb, Duration timeout) {
        this.dynamoDb = dynamoDb;
        this.timeout = timeout;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.TABLE;
    }

    @Override
    public Optional<String> problem(String name) {
        try {
            TableStatus status = dynamoDb.describeTable(
                            r -> r.tableName(name).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
                    .table()
                    .tableStatus();
            return USABLE.contains(status) ? Optional.empty() : Optional.of("is " + status);
        } catch (ResourceNotFoundException e) {
            return Optional.of(DOES_NOT_EXIST);
        }
    }
}
