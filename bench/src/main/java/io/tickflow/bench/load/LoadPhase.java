package io.tickflow.bench.load;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickflow.common.aws.metering.AwsRequestMetering;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One drain: the backlog sent while the service is down, then the service started and the ticks counted as they
 * arrive, with progress, heap, CPU and thread dumps sampled on the way.
 */
final class LoadPhase {

    /** The key of the whole machine's busy CPU time in a sample, every process together. */
    static final String MACHINE = "machine";

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final long SCRAPE_EVERY_MILLIS = 2_000;
    private static final long DUMP_EVERY_MILLIS = 1_000;

    private final LoadOptions options;
    private final EmbeddedAws aws;
    private final TradeBatches trades;
    private final Path logs;
    private final SqsClient admin;

    LoadPhase(LoadOptions options, EmbeddedAws aws, TradeBatches trades, Path logs) {
        this.options = options;
        this.aws = aws;
        this.trades = trades;
        this.logs = logs;
        this.admin = sqs(aws, null, 4);
    }

    PhaseResult run(LoadConfig config, long firstTick) {
        String ingest = url("tickflow-ingest");
        String storage = url("tickflow-storage-ticks");
        for (String queue : List.of("tickflow-ingest", "tickflow-storage-ticks", "tickflow-alert-ticks")) {
            admin.purgeQueue(r -> r.queueUrl(url(queue)));
        }

        SimpleMeterRegistry producerMeters = new SimpleMeterRegistry();
        Backlog.Sent sent;
        try (SqsClient producer = sqs(aws, producerMeters, options.producerThreads())) {
            log("%s: sending %,d ticks in %,d-tick messages", config.name(), config.ticks(), config.ticksPerMessage());
            sent = Backlog.send(
                    producer,
                    ingest,
                    trades,
                    firstTick,
                    config.ticks(),
                    config.ticksPerMessage(),
                    options.producerThreads());
        }
        long queued = visibleAndInFlight(ingest);
        if (queued != sent.messages()) {
            throw new IllegalStateException("tickflow-ingest holds " + queued + " messages, not " + sent.messages());
        }
        log(
                "%s: %,d messages (%,d MB) queued in %.1f s; starting ingest-service",
                config.name(),
                sent.messages(),
                sent.bodyBytes() >> 20,
                sent.elapsed().toMillis() / 1000.0);

        List<PhaseResult.Sample> samples = new ArrayList<>();
        StackSamples stacks = new StackSamples();
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        try (TickCounter counter = new TickCounter(aws.sqs(), storage, config.ticks(), options.consumerThreads());
                ServiceProcess service =
                        ServiceProcess.start(options, aws, config.name(), config.serviceProperties(), logs)) {
            long deadline = startNanos + options.phaseTimeout().toNanos();
            long lastScrape = 0;
            long lastDump = 0;
            long heapUsed = -1;
            boolean done = false;
            boolean drainStarted = false;
            while (!done) {
                done = counter.awaitAll(SAMPLE_EVERY);
                long now = System.currentTimeMillis();
                if (!service.process().isAlive()) {
                    throw new IllegalStateException(
                            "ingest-service exited; see " + service.process().log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(
                            "%s: only %,d of %,d ticks arrived within %s; see %s",
                            config.name(), counter.ticks(), config.ticks(), options.phaseTimeout(), logs));
                }
                if (now - lastScrape >= SCRAPE_EVERY_MILLIS || done) {
                    heapUsed = heapUsed(service);
                    lastScrape = now;
                }
                double progress = counter.ticks() / (double) config.ticks();
                if (progress >= 0.2
                        && progress <= 0.8
                        && stacks.dumps() < options.stackSamples()
                        && now - lastDump >= DUMP_EVERY_MILLIS) {
                    stacks.add(service.threadDump());
                    lastDump = now;
                }
                long ticks = counter.ticks();
                // Threads at the first sample of the drain and the last: the CPU split of the drain by thread.
                boolean threads = (ticks > 0 && !drainStarted) || done;
                drainStarted |= ticks > 0;
                samples.add(sample(now, ticks, heapUsed, service, threads));
            }
            log(
                    "%s: all %,d ticks arrived; waiting for the service to delete its messages",
                    config.name(), counter.ticks());
            service.process()
                    .awaitCondition(
                            "delete every ingest message",
                            Duration.ofSeconds(60),
                            () -> visibleAndInFlight(ingest) == 0);
            PrometheusText metrics = service.metrics();
            double startup = (counter.firstArrival() - startNanos) / 1e9;
            double drain = (counter.lastArrival() - counter.firstArrival()) / 1e9;
            double middle = (counter.arrivedAt(90) - counter.arrivedAt(10)) / 1e9;
            counter.close();
            service.close();
            // The reader never deletes: what it read is still there, invisible for hours.
            admin.purgeQueue(r -> r.queueUrl(storage));
            log(
                    "%s: %,d ticks in %.1f s after a %.1f s start: %,.0f ticks/s",
                    config.name(), counter.ticks(), drain, startup, counter.ticks() / drain);
            return new PhaseResult(
                    config,
                    sent,
                    RequestCounts.fromRegistry(producerMeters),
                    RequestCounts.fromPrometheus(metrics),
                    counter.requests(),
                    counter.ticks(),
                    counter.events(),
                    counter.duplicateEvents(),
                    counter.responseBytes(),
                    metrics.sum("tickflow_ingest_ticks_total", "outcome", "accepted"),
                    metrics.sum("tickflow_ingest_ticks_total", "outcome", "rejected"),
                    metrics.sum("tickflow_ingest_ticks_total", "outcome", "duplicate"),
                    startup,
                    drain,
                    middle,
                    List.copyOf(samples),
                    GcLog.read(service.gcLog()).stream()
                            .filter(c -> c.epochMillis() >= startMillis)
                            .toList(),
                    stacks);
        }
    }

    private PhaseResult.Sample sample(
            long now, long ticks, long heapUsed, ServiceProcess service, boolean withThreads) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("local-aws", aws.process().pid());
        pids.put("ingest-service", service.process().pid());
        pids.put("harness", ProcessHandle.current().pid());
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> threads = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            cpu.put(name, ProcCpu.cpuSeconds(pid));
            if (withThreads) {
                threads.put(name, ProcCpu.cpuSecondsByThreadGroup(pid));
            }
        });
        cpu.put(MACHINE, ProcCpu.machineBusySeconds());
        return new PhaseResult.Sample(
                now, ticks, heapUsed, ProcCpu.residentBytes(service.process().pid()), cpu, threads);
    }

    /** The service's heap in use, or -1 while its actuator is not up yet. */
    private static long heapUsed(ServiceProcess service) {
        try {
            return (long) service.metrics().sum("jvm_memory_used_bytes", "area", "heap");
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private long visibleAndInFlight(String queueUrl) {
        Map<QueueAttributeName, String> attributes = admin.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private String url(String queue) {
        return admin.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }

    /**
     * An SQS client of the harness, metered into {@code meters} when given. MD5 checks of bodies are off: ElasticMQ is
     * trusted here, and the reader has to stay cheaper than the service it measures.
     */
    static SqsClient sqs(EmbeddedAws aws, @Nullable SimpleMeterRegistry meters, int connections) {
        return SqsClient.builder()
                .endpointOverride(aws.sqs())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("tickflow", "tickflow-local")))
                .checksumValidationEnabled(false)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(4, connections * 2)))
                .overrideConfiguration(c -> {
                    if (meters != null) {
                        c.addExecutionInterceptor(AwsRequestMetering.withKnownRules(meters));
                    }
                })
                .build();
    }

    static void log(String format, Object... args) {
        System.out.printf("[ingest-load] " + format + "%n", args);
    }

    void close() {
        admin.close();
    }
}
