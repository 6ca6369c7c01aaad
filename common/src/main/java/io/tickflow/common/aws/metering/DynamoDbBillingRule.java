package io.tickflow.common.aws.metering;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB on demand bills read request units (an item read of up to 4 KB strongly consistent, half of one eventually
 * consistent, twice in a transaction) and write request units (an item write of up to 1 KB, twice in a transaction).
 *
 * <p>When the caller asked for {@code ReturnConsumedCapacity}, the units DynamoDB reports are taken as they are.
 * Otherwise they are estimated from the items the call carries, by DynamoDB's sizing rules: a read of a key that does
 * not exist still costs its minimum; a read with a projection is estimated from the projected attributes, so it is
 * under-estimated for items above 4 KB; an update or delete counts its minimum, as the client does not see the item.
 * Control-plane calls (DescribeTable, ...) are free; PartiQL and stream reads are not metered.
 */
final class DynamoDbBillingRule implements BillingRule {

    private static final int WRITE_UNIT_BYTES = 1024;
    private static final int READ_UNIT_BYTES = 4 * 1024;

    @Override
    public String service() {
        return "DynamoDb";
    }

    @Override
    public BilledUnits units(SdkRequest request, SdkResponse response) {
        return switch (response) {
            case GetItemResponse get when get.consumedCapacity() != null -> reported(List.of(get.consumedCapacity()));
            case GetItemResponse get ->
                BilledUnits.capacity(readUnits(get.hasItem() ? itemSize(get.item()) : 0, consistent(request)), 0);
            case BatchGetItemResponse batch when batch.hasConsumedCapacity() -> reported(batch.consumedCapacity());
            case BatchGetItemResponse batch -> BilledUnits.capacity(batchRead((BatchGetItemRequest) request, batch), 0);
            case QueryResponse query
            when query.consumedCapacity() != null -> reported(List.of(query.consumedCapacity()));
            case QueryResponse query -> BilledUnits.capacity(scanRead(query.items(), consistent(request)), 0);
            case ScanResponse scan when scan.consumedCapacity() != null -> reported(List.of(scan.consumedCapacity()));
            case ScanResponse scan -> BilledUnits.capacity(scanRead(scan.items(), consistent(request)), 0);
            case TransactGetItemsResponse transact
            when transact.hasConsumedCapacity() -> reported(transact.consumedCapacity());
            case TransactGetItemsResponse transact -> {
                double units = 0;
                for (ItemResponse item : transact.responses()) {
                    units += 2 * readUnits(item.hasItem() ? itemSize(item.item()) : 0, true);
                }
                yield BilledUnits.capacity(units, 0);
            }
            case PutItemResponse put when put.consumedCapacity() != null -> reported(List.of(put.consumedCapacity()));
            case PutItemResponse put ->
                BilledUnits.capacity(0, writeUnits(itemSize(((PutItemRequest) request).item())));
            case UpdateItemResponse update
            when update.consumedCapacity() != null -> reported(List.of(update.consumedCapacity()));
            case UpdateItemResponse update -> BilledUnits.capacity(0, 1);
            case DeleteItemResponse delete
            when delete.consumedCapacity() != null -> reported(List.of(delete.consumedCapacity()));
            case DeleteItemResponse delete -> BilledUnits.capacity(0, 1);
            case BatchWriteItemResponse batch when batch.hasConsumedCapacity() -> reported(batch.consumedCapacity());
            case BatchWriteItemResponse batch ->
                BilledUnits.capacity(
                        0,
                        batchWrite(((BatchWriteItemRequest) request).requestItems())
                                - batchWrite(batch.unprocessedItems()));
            default -> transactWrite(request);
        };
    }

    private static BilledUnits transactWrite(SdkRequest request) {
        if (!(request instanceof TransactWriteItemsRequest transact)) {
            return BilledUnits.FREE;
        }
        double units = 0;
        for (TransactWriteItem item : transact.transactItems()) {
            units += 2 * (item.put() != null ? writeUnits(itemSize(item.put().item())) : 1);
        }
        return BilledUnits.capacity(0, units);
    }

    private static BilledUnits reported(Collection<ConsumedCapacity> consumed) {
        double read = 0;
        double write = 0;
        for (ConsumedCapacity capacity : consumed) {
            read += orZero(capacity.readCapacityUnits());
            write += orZero(capacity.writeCapacityUnits());
            if (capacity.readCapacityUnits() == null && capacity.writeCapacityUnits() == null) {
                // TOTAL without the split: DynamoDB reports only CapacityUnits; reads and writes never share a call.
                read += orZero(capacity.capacityUnits());
            }
        }
        return BilledUnits.capacity(read, write);
    }

    private static double batchRead(BatchGetItemRequest request, BatchGetItemResponse response) {
        double units = 0;
        for (Map.Entry<String, KeysAndAttributes> table : request.requestItems().entrySet()) {
            boolean consistent = Boolean.TRUE.equals(table.getValue().consistentRead());
            List<Map<String, AttributeValue>> found = response.responses().getOrDefault(table.getKey(), List.of());
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.getKey());
            int asked = table.getValue().keys().size()
                    - (unprocessed == null ? 0 : unprocessed.keys().size());
            for (Map<String, AttributeValue> item : found) {
                units += readUnits(itemSize(item), consistent);
            }
            // Keys that matched no item still cost the minimum read.
            units += Math.max(0, asked - found.size()) * readUnits(0, consistent);
        }
        return units;
    }

    private static double scanRead(List<Map<String, AttributeValue>> items, boolean consistent) {
        // Query and Scan add the sizes of all items read before rounding up to 4 KB.
        long bytes = 0;
        for (Map<String, AttributeValue> item : items) {
            bytes += itemSize(item);
        }
        return readUnits(bytes, consistent);
    }

    private static double batchWrite(Map<String, List<WriteRequest>> requests) {
        double units = 0;
        for (List<WriteRequest> writes : requests.values()) {
            for (WriteRequest write : writes) {
                units += write.putRequest() != null
                        ? writeUnits(itemSize(write.putRequest().item()))
                        : 1;
            }
        }
        return units;
    }

    private static boolean consistent(SdkRequest request) {
        return switch (request) {
            case GetItemRequest get -> Boolean.TRUE.equals(get.consistentRead());
            case QueryRequest query -> Boolean.TRUE.equals(query.consistentRead());
            case ScanRequest scan -> Boolean.TRUE.equals(scan.consistentRead());
            default -> false;
        };
    }

    private static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2.0;
    }

    private static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    private static double orZero(@Nullable Double value) {
        return value == null ? 0 : value;
    }

    /** An item's size as DynamoDB counts it: attribute names and values. */
    static long itemSize(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += PayloadSize.utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return bytes;
    }

    private static long valueSize(AttributeValue value) {
        return switch (value.type()) {
            case S -> PayloadSize.utf8(value.s());
            case N -> numberSize(value.n());
            case B -> bytes(value.b());
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(PayloadSize::utf8).sum();
            case NS ->
                value.ns().stream().mapToLong(DynamoDbBillingRule::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(DynamoDbBillingRule::bytes).sum();
            // Lists and maps: 3 bytes, and one byte per element besides the elements themselves.
            case L -> 3 + value.l().stream().mapToLong(v -> valueSize(v) + 1).sum();
            case M ->
                3
                        + value.m().entrySet().stream()
                                .mapToLong(e -> PayloadSize.utf8(e.getKey()) + valueSize(e.getValue()) + 1)
                                .sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** About one byte per two significant digits, plus one. */
    private static long numberSize(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return (digits + 1) / 2 + 1;
    }

    private static long bytes(SdkBytes bytes) {
        return bytes.asByteArrayUnsafe().length;
    }
}
