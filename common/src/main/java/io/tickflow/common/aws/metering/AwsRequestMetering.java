package io.tickflow.common.aws.metering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every call an SDK client makes, once per call as the application sees it (retries of one call are one call):
 *
 * <ul>
 *   <li>{@value #REQUESTS}, tags {@code service} (the SDK's name: {@code Sqs}, {@code Sns}, {@code S3},
 *       {@code DynamoDb}), {@code operation} ({@code SendMessageBatch}) and {@code outcome} ({@code success} or
 *       {@code error});
 *   <li>{@value #BILLED_UNITS}, tags {@code service}, {@code operation} and {@code unit}: what the successful calls
 *       are billed as, by the {@link BillingRule} of their service: {@code request} (one per call, or one per 64 KiB of
 *       messages for SQS and SNS), {@code read} and {@code write} (DynamoDB request units); {@code unmetered} counts
 *       calls whose rule could not tell, which never fails the call. Failed calls are not counted here;
 *   <li>{@value #DURATION}, a timer with the tags of {@value #REQUESTS}: how long calls take, retries included, so
 *       that time spent waiting on AWS can be told from time spent computing.
 * </ul>
 *
 * <p>Thread-safe; one instance serves any number of clients.
 */
public final class AwsRequestMetering implements ExecutionInterceptor {

    /** Calls by service, operation and outcome. */
    public static final String REQUESTS = "aws.requests";

    /** Billed units of successful calls by service, operation and unit. */
    public static final String BILLED_UNITS = "aws.requests.billed";

    /** Time calls take by service, operation and outcome. */
    public static final String DURATION = "aws.requests.duration";

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("TickflowMeteringStarted");

    private final MeterRegistry registry;
    private final Map<String, BillingRule> rules;
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    /**
     * @param registry where the counters go
     * @param rules how each service bills its calls; at most one per service
     */
    public AwsRequestMetering(MeterRegistry registry, List<? extends BillingRule> rules) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(BillingRule::service, Function.identity()));
    }

    /** Metering with the billing rules of every service whose SDK module is on the classpath. */
    public static AwsRequestMetering withKnownRules(MeterRegistry registry) {
        return new AwsRequestMetering(registry, BillingRules.available());
    }

    /**
     * Adds this interceptor to a client builder, keeping the override configuration it has (Spring Cloud AWS puts its
     * user agent there).
     */
    public void addTo(SdkClientBuilder<?, ?> builder) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        if (!current.executionInterceptors().contains(this)) {
            builder.overrideConfiguration(
                    current.toBuilder().addExecutionInterceptor(this).build());
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = service(attributes);
        String operation = operation(attributes);
        counter(REQUESTS, service, operation, "outcome", "success").increment();
        time(service, operation, "success", attributes);
        BilledUnits units = billed(service, operation, context.request(), context.response());
        add(service, operation, "request", units.requests());
        add(service, operation, "read", units.readUnits());
        add(service, operation, "write", units.writeUnits());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String service = service(attributes);
        String operation = operation(attributes);
        counter(REQUESTS, service, operation, "outcome", "error").increment();
        time(service, operation, "error", attributes);
    }

    private void time(String service, String operation, String outcome, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        timers.computeIfAbsent(new MeterKey(DURATION, service, operation, outcome), key -> Timer.builder(DURATION)
                        .tag("service", service)
                        .tag("operation", operation)
                        .tag("outcome", outcome)
                        .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private BilledUnits billed(String service, String operation, SdkRequest request, SdkResponse response) {
        BillingRule rule = rules.get(service);
        if (rule == null) {
            return BilledUnits.ONE_REQUEST;
        }
        try {
            return rule.units(request, response);
        } catch (RuntimeException e) {
            // Metering must never fail a call that succeeded; the call shows as billed in "unmetered" units instead.
            counter(BILLED_UNITS, service, operation, "unit", "unmetered").increment();
            return BilledUnits.FREE;
        }
    }

    private void add(String service, String operation, String unit, double amount) {
        if (amount > 0) {
            counter(BILLED_UNITS, service, operation, "unit", unit).increment(amount);
        }
    }

    private Counter counter(String name, String service, String operation, String tag, String value) {
        // Building a meter id per call costs more than the lookup: keep the few counters a client ever uses.
        return counters.computeIfAbsent(new MeterKey(name, service, operation, value), key -> Counter.builder(name)
                .tag("service", service)
                .tag("operation", operation)
                .tag(tag, value)
                .register(registry));
    }

    private static String service(ExecutionAttributes attributes) {
        return orUnknown(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }

    private static String operation(ExecutionAttributes attributes) {
        return orUnknown(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    private static String orUnknown(@Nullable String value) {
        return value == null ? "unknown" : value;
    }

    private record MeterKey(String name, String service, String operation, String value) {}
}
