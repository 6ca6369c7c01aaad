package io.tickflow.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Tickflow service as a child process with a fixed heap of 512 MB, {@code -Xms512m -Xmx512m} (or the heap a measurement names), against the embedded
 * stack, as {@code ./tickflow up} runs it, with its GC log (heap after every collection) and the actuator's thread
 * dump exposed for the harness.
 */
final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;
    private final URI actuator;
    private final Path gcLog;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(ChildProcess process, URI actuator, Path gcLog) {
        this.process = process;
        this.actuator = actuator;
        this.gcLog = gcLog;
    }

    /**
     * Starts the service; it begins draining its queue as soon as its listener is up.
     *
     * @param properties extra {@code --name=value} arguments: the configuration under test
     */
    static ServiceProcess start(
            LoadOptions options, EmbeddedAws aws, String label, List<String> properties, Path logs) {
        return start(options, aws, "ingest-service", options.ingestServiceJar(), label, properties, logs);
    }

    /** Starts {@code service} from its runnable {@code jar}; as {@link #start(LoadOptions, EmbeddedAws, String, List, Path)}. */
    static ServiceProcess start(
            LoadOptions options,
            EmbeddedAws aws,
            String service,
            Path jar,
            String label,
            List<String> properties,
            Path logs) {
        return start(options, aws, service, jar, label, "512m", properties, logs);
    }

    /**
     * Starts {@code service} from its runnable {@code jar} with a heap of at most {@code maxHeap} ({@code -Xmx}'s
     * value): a service whose target names another heap than the usual 512 MB is measured in that heap.
     */
    static ServiceProcess start(
            LoadOptions options,
            EmbeddedAws aws,
            String service,
            Path jar,
            String label,
            String maxHeap,
            List<String> properties,
            Path logs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/README.md)");
        }
        int port = EmbeddedAws.freePorts(1)[0];
        Path gcLog = logs.resolve(service + "-" + label + "-gc.log");
        List<String> command = new ArrayList<>(List.of(
                options.java().toString(),
                // A fixed heap, as a container's service is given: the collector does not shrink it between bursts
                // and then collect (and mark) all the more often in the next one.
                "-Xms" + maxHeap,
                "-Xmx" + maxHeap,
                // Heap after every collection, stamped with the wall clock, at no cost to the service.
                "-Xlog:gc:file=" + gcLog + ":timemillis",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=local",
                "--spring.cloud.aws.sqs.endpoint=" + aws.sqs(),
                "--spring.cloud.aws.sns.endpoint=" + aws.sns(),
                "--spring.cloud.aws.s3.endpoint=" + aws.s3(),
                "--spring.cloud.aws.dynamodb.endpoint=" + aws.dynamoDb(),
                "--spring.cloud.aws.secretsmanager.endpoint=" + aws.secretsManager(),
                "--management.endpoints.web.exposure.include=health,prometheus,threaddump"));
        command.addAll(properties);
        ChildProcess process = ChildProcess.start(service, command, logs.resolve(service + "-" + label + ".log"));
        return new ServiceProcess(process, URI.create("http://127.0.0.1:" + port + "/actuator/"), gcLog);
    }

    /** Where the service answers HTTP. */
    URI base() {
        return actuator.resolve("/");
    }

    ChildProcess process() {
        return process;
    }

    Path gcLog() {
        return gcLog;
    }

    void awaitReady(Duration timeout) {
        process.awaitCondition("report ready on " + actuator + "health/readiness", timeout, () -> {
            try {
                HttpResponse<String> response = get("health/readiness", "application/json");
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (UncheckedIOException e) {
                return false;
            }
        });
    }

    /** The Prometheus scrape. */
    PrometheusText metrics() {
        return PrometheusText.parse(get("prometheus", "text/plain").body());
    }

    /** A thread dump in jstack's format. */
    String threadDump() {
        return get("threaddump", "text/plain").body();
    }

    private HttpResponse<String> get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(actuator.resolve(path))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(40));
        http.close();
    }
}
