package io.tickflow.bench.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickflow.common.aws.metering.AwsRequestMetering;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The AWS calls one party made, as {@link AwsRequestMetering} counted them: calls by outcome and the units they are
 * billed in, by service and operation.
 */
final class RequestCounts {

    /** A service and one of its operations, e.g. {@code Sqs} {@code SendMessageBatch}. */
    record Operation(String service, String operation) {}

    /**
     * What the calls of one operation came to.
     *
     * @param succeeded successful calls
     * @param failed failed calls
     * @param billedRequests requests as billed (SQS and SNS: one per 64 KiB chunk)
     * @param readUnits DynamoDB read request units
     * @param writeUnits DynamoDB write request units
     * @param seconds the time all calls took together
     */
    record Tally(
            double succeeded,
            double failed,
            double billedRequests,
            double readUnits,
            double writeUnits,
            double seconds) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(
                    succeeded + other.succeeded,
                    failed + other.failed,
                    billedRequests + other.billedRequests,
                    readUnits + other.readUnits,
                    writeUnits + other.writeUnits,
                    seconds + other.seconds);
        }

        double calls() {
            return succeeded + failed;
        }
    }

    private static final Comparator<Operation> ORDER =
            Comparator.comparing(Operation::service).thenComparing(Operation::operation);

    private final Map<Operation, Tally> tallies;

    private RequestCounts(Map<Operation, Tally> tallies) {
        this.tallies = Collections.unmodifiableMap(tallies);
    }

    Map<Operation, Tally> byOperation() {
        return tallies;
    }

    Tally total() {
        return tallies.values().stream().reduce(Tally.NONE, Tally::plus);
    }

    /** The calls of one operation. */
    static RequestCounts of(Operation operation, Tally tally) {
        Map<Operation, Tally> tallies = new TreeMap<>(ORDER);
        tallies.put(operation, tally);
        return new RequestCounts(tallies);
    }

    /** From a service's Prometheus scrape. */
    static RequestCounts fromPrometheus(PrometheusText scrape) {
        Map<Operation, Tally> tallies = new TreeMap<>(ORDER);
        for (PrometheusText.Sample sample : scrape.samples("aws_requests_total")) {
            boolean ok = "success".equals(sample.labels().get("outcome"));
            add(
                    tallies,
                    operation(sample.labels()),
                    new Tally(ok ? sample.value() : 0, ok ? 0 : sample.value(), 0, 0, 0, 0));
        }
        for (PrometheusText.Sample sample : scrape.samples("aws_requests_billed_total")) {
            add(tallies, operation(sample.labels()), billed(sample.labels().get("unit"), sample.value()));
        }
        for (PrometheusText.Sample sample : scrape.samples("aws_requests_duration_seconds_sum")) {
            add(tallies, operation(sample.labels()), new Tally(0, 0, 0, 0, 0, sample.value()));
        }
        return new RequestCounts(tallies);
    }

    /** From the harness's own registry. */
    static RequestCounts fromRegistry(MeterRegistry registry) {
        Map<Operation, Tally> tallies = new TreeMap<>(ORDER);
        for (Counter counter : registry.find(AwsRequestMetering.REQUESTS).counters()) {
            boolean ok = "success".equals(counter.getId().getTag("outcome"));
            double value = counter.count();
            add(tallies, operation(counter), new Tally(ok ? value : 0, ok ? 0 : value, 0, 0, 0, 0));
        }
        for (Counter counter : registry.find(AwsRequestMetering.BILLED_UNITS).counters()) {
            add(tallies, operation(counter), billed(counter.getId().getTag("unit"), counter.count()));
        }
        for (Timer timer : registry.find(AwsRequestMetering.DURATION).timers()) {
            add(tallies, operation(timer), new Tally(0, 0, 0, 0, 0, timer.totalTime(TimeUnit.SECONDS)));
        }
        return new RequestCounts(tallies);
    }

    private static Tally billed(String unit, double value) {
        return switch (unit == null ? "" : unit) {
            case "request" -> new Tally(0, 0, value, 0, 0, 0);
            case "read" -> new Tally(0, 0, 0, value, 0, 0);
            case "write" -> new Tally(0, 0, 0, 0, value, 0);
            default -> Tally.NONE;
        };
    }

    private static Operation operation(Map<String, String> labels) {
        return new Operation(labels.getOrDefault("service", "?"), labels.getOrDefault("operation", "?"));
    }

    private static Operation operation(Meter meter) {
        String service = meter.getId().getTag("service");
        String operation = meter.getId().getTag("operation");
        return new Operation(service == null ? "?" : service, operation == null ? "?" : operation);
    }

    private static void add(Map<Operation, Tally> tallies, Operation operation, Tally tally) {
        tallies.merge(operation, tally, Tally::plus);
    }
}
