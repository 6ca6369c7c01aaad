package io.tickflow.bench.load;

import io.tickflow.bench.load.RequestCounts.Operation;
import io.tickflow.bench.load.RequestCounts.Tally;
import java.util.Set;

/**
 * AWS list prices in us-east-1 for what the ingest path uses, and which calls count towards the cost of ingesting
 * ticks. Free tiers are left out.
 */
final class AwsPrices {

    /** Where the prices come from, and when. */
    static final String SOURCE = "AWS list prices for us-east-1 as published on aws.amazon.com/{sqs,sns,dynamodb,s3}"
            + "/pricing, in force since 1 November 2024 (DynamoDB on-demand price cut) and as given for this"
            + " measurement (November 2026); not re-checked online from the build machine";

    static final double SQS_PER_MILLION_REQUESTS = 0.40;
    static final double SNS_PER_MILLION_REQUESTS = 0.50;
    static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
    static final double DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
    static final double S3_PER_THOUSAND_PUTS = 0.005;
    static final double S3_PER_THOUSAND_GETS = 0.0004;

    private static final Set<String> S3_PUT_CLASS = Set.of(
            "PutObject",
            "CopyObject",
            "PostObject",
            "ListObjects",
            "ListObjectsV2",
            "ListBuckets",
            "CreateMultipartUpload",
            "UploadPart",
            "CompleteMultipartUpload");

    /** Calls a service makes to find its resources at start and for its readiness probe: per process, not per tick. */
    private static final Set<String> SETUP = Set.of(
            "GetQueueUrl",
            "GetQueueAttributes",
            "ListQueues",
            "ListTopics",
            "GetTopicAttributes",
            "DescribeTable",
            "HeadBucket");

    private AwsPrices() {}

    /** Who made the calls. */
    enum Party {
        PRODUCER("producer (harness)"),
        SERVICE("ingest-service"),
        CONSUMER("storage-ticks reader (harness)");

        final String label;

        Party(String label) {
            this.label = label;
        }
    }

    /**
     * The cost of one party's calls of one operation.
     *
     * @param dollars at list price
     * @param included whether it counts towards the cost of ingesting ticks
     * @param note why not, or what the price is
     */
    record Cost(Party party, Operation operation, Tally tally, double dollars, boolean included, String note) {}

    static Cost cost(Party party, Operation operation, Tally tally) {
        double dollars;
        String price;
        switch (operation.service()) {
            case "Sqs" -> {
                dollars = tally.billedRequests() * SQS_PER_MILLION_REQUESTS / 1e6;
                price = "$0.40/M requests (64 KiB chunks)";
            }
            case "Sns" -> {
                dollars = tally.billedRequests() * SNS_PER_MILLION_REQUESTS / 1e6;
                price = "$0.50/M requests (64 KiB chunks)";
            }
            case "DynamoDb" -> {
                dollars = tally.writeUnits() * DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6
                        + tally.readUnits() * DYNAMODB_PER_MILLION_READ_UNITS / 1e6;
                price = "$0.625/M WRU, $0.125/M RRU";
            }
            case "S3" -> {
                boolean put = S3_PUT_CLASS.contains(operation.operation());
                dollars = tally.billedRequests() * (put ? S3_PER_THOUSAND_PUTS : S3_PER_THOUSAND_GETS) / 1e3;
                price = put ? "$0.005/1,000 PUT-class" : "$0.0004/1,000 GET-class";
            }
            default -> {
                dollars = 0;
                price = "not priced";
            }
        }
        if (party == Party.CONSUMER) {
            return new Cost(party, operation, tally, dollars, false, "downstream: storage-service's reads");
        }
        if (SETUP.contains(operation.operation())) {
            return new Cost(
                    party, operation, tally, dollars, false, "start-up and readiness: per process, not per tick");
        }
        return new Cost(party, operation, tally, dollars, true, price);
    }
}
