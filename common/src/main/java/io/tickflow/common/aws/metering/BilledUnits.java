package io.tickflow.common.aws.metering;

/**
 * What one successful call costs, in the units AWS's price lists use.
 *
 * @param requests billed requests: one per call for most services; one per 64 KiB chunk of message payload for SQS and
 *     SNS
 * @param readUnits DynamoDB read request units (4 KB strongly consistent, or twice that eventually consistent)
 * @param writeUnits DynamoDB write request units (1 KB)
 */
public record BilledUnits(double requests, double readUnits, double writeUnits) {

    /** A call billed as one request. */
    public static final BilledUnits ONE_REQUEST = new BilledUnits(1, 0, 0);

    /** A call AWS does not bill, such as DynamoDB's control-plane operations. */
    public static final BilledUnits FREE = new BilledUnits(0, 0, 0);

    public BilledUnits {
        if (requests < 0 || readUnits < 0 || writeUnits < 0) {
            throw new IllegalArgumentException(
                    "Billed units are not negative: " + requests + ", " + readUnits + ", " + writeUnits);
        }
    }

    /** {@code count} billed requests. */
    public static BilledUnits requests(double count) {
        return new BilledUnits(count, 0, 0);
    }

    /** DynamoDB read and write request units. */
    public static BilledUnits capacity(double readUnits, double writeUnits) {
        return new BilledUnits(0, readUnits, writeUnits);
    }
}
