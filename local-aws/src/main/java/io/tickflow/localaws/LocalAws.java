package io.tickflow.localaws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.provision.TopologyProvisioner;
import io.tickflow.localaws.secrets.SecretsManagerEndpoint;
import io.tickflow.localaws.sns.SnsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded AWS stack: SQS (ElasticMQ), DynamoDB (DynamoDB Local), S3 (S3Proxy), and our own SNS and Secrets
 * Manager endpoints, all on 127.0.0.1 in this JVM, with Tickflow's topology provisioned.
 *
 * <p>With a data directory, S3 objects and DynamoDB tables survive a restart; without one everything lives in memory,
 * which is what tests want. SQS messages always live in memory.
 */
public final class LocalAws implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalAws.class);

    private final Endpoints endpoints;
    private final Topology topology;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    /**
     * How to start the stack.
     *
     * @param ports where each service listens
     * @param dataDirectory where S3 objects and DynamoDB tables are kept, or empty to keep them in memory
     * @param topology what to provision
     * @param region the region in every ARN
     * @param provision whether to create the topology on start; off only for tests of other ways to create it
     */
    public record Options(
            Ports ports, Optional<Path> dataDirectory, Topology topology, String region, boolean provision) {
        public Options {
            Objects.requireNonNull(ports, "ports");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(topology, "topology");
            Objects.requireNonNull(region, "region");
        }

        /** Free ports, everything in memory, the default topology: what a test wants. */
        public static Options forTests() {
            return new Options(Ports.free(), Optional.empty(), Topology.tickflow(), "us-east-1", true);
        }

        /** The same stack with nothing provisioned. */
        public Options withoutProvisioning() {
            return new Options(ports, dataDirectory, topology, region, false);
        }
    }

    private LocalAws(Options options) {
        this.endpoints = Endpoints.onLoopback(options.ports(), options.region());
        this.topology = options.topology();
    }

    /** Starts every service, provisions the topology (idempotently) and returns once all of it answers. */
    public static LocalAws start(Options options) {
        LocalAws stack = new LocalAws(options);
        try {
            stack.startServices(options);
            if (options.provision()) {
                new TopologyProvisioner(stack.endpoints).provision(options.topology());
            }
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Topology topology() {
        return topology;
    }

    private void startServices(Options options) {
        long started = System.nanoTime();
        Ports ports = options.ports();
        String host = "127.0.0.1";

        SQSRestServer sqs = SQSRestServerBuilder.withInterface(host)
                .withPort(ports.sqs())
                .withServerAddress(new NodeAddress("http", host, ports.sqs(), ""))
                .withAWSRegion(options.region())
                .withAWSAccountId(Endpoints.ACCOUNT_ID)
                .withSQSLimits(new SqsLimits())
                .start();
        running.push(sqs::stopAndWait);
        sqs.waitUntilStarted();

        startDynamoDb(ports.dynamodb(), options.dataDirectory().map(d -> d.resolve("dynamodb")));
        startS3(ports.s3(), options.dataDirectory().map(d -> d.resolve("s3")));

        running.push(SnsEndpoint.start(
                new InetSocketAddress(host, ports.sns()), endpoints.sqs(), options.region(), Endpoints.ACCOUNT_ID));
        InetSocketAddress secretsAddress = new InetSocketAddress(host, ports.secretsManager());
        running.push(options.dataDirectory()
                .map(dir -> SecretsManagerEndpoint.start(
                        secretsAddress,
                        options.region(),
                        Endpoints.ACCOUNT_ID,
                        createDirectories(dir).resolve("secrets.json")))
                .orElseGet(() -> SecretsManagerEndpoint.start(secretsAddress, options.region(), Endpoints.ACCOUNT_ID)));

        log.info(
                "Embedded AWS stack up in {} ms: {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                endpoints);
    }

    private void startDynamoDb(int port, Optional<Path> directory) {
        String[] args = directory
                .map(dir -> new String[] {
                    "-sharedDb",
                    "-dbPath",
                    createDirectories(dir).toString(),
                    "-port",
                    Integer.toString(port),
                    "-disableTelemetry"
                })
                .orElseGet(() ->
                        new String[] {"-sharedDb", "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            server.start();
            running.push(server::stop);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private void startS3(int port, Optional<Path> directory) {
        BlobStore store = directory
                .<BlobStore>map(dir ->
                        new FilesystemNio2BlobStore(createDirectories(dir).toString()))
                .orElseGet(TransientNio2BlobStore::new);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(java.net.URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            running.push(proxy::stop);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
    }

    /** Stops every service, the last started first. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                // Shutting down: one emulator failing to stop must not keep the others running.
                log.warn("An embedded service did not stop cleanly", e);
            }
        }
    }
}
