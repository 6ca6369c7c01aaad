package io.tickflow.localaws.secrets;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An AWS Secrets Manager endpoint for the embedded stack, in this JVM: the JSON 1.1 protocol that the AWS SDK v2
 * {@code SecretsManagerClient}, Spring Cloud AWS's {@code spring.config.import=aws-secretsmanager:<name>}, the AWS CLI
 * and boto3 speak. It serves CreateSecret, GetSecretValue, BatchGetSecretValue, PutSecretValue, UpdateSecret,
 * DescribeSecret, ListSecrets, ListSecretVersionIds, DeleteSecret, RestoreSecret, TagResource and UntagResource, with
 * versions, the staging labels {@code AWSCURRENT} and {@code AWSPREVIOUS}, ClientRequestToken idempotency and
 * deletion with a recovery window. Requests are not authenticated; each is served on its own virtual thread.
 *
 * <p>Not emulated: rotation, resource policies, replication, KMS keys, and the GetRandomPassword utility.
 */
public final class SecretsManagerEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SecretsManagerEndpoint(HttpServer server, ExecutorService executor, URI endpoint) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
    }

    /**
     * Serves Secrets Manager on {@code bind}, secrets in memory. Returns when it accepts requests.
     *
     * @param bind where to listen; port 0 picks a free port, which {@link #endpoint()} then tells
     * @param region the region in every ARN
     * @param accountId the account id in every ARN
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static SecretsManagerEndpoint start(InetSocketAddress bind, String region, String accountId) {
        return start(bind, new SecretStore(region, accountId, Clock.systemUTC(), SecretPersistence.inMemory()));
    }

    /**
     * Same, but secrets are loaded from and saved to {@code storeFile} (JSON, written atomically on each change) so they
     * survive a restart. Values are kept there in plain text, readable by the owner only.
     *
     * @param storeFile the store file; it and its directory are created on the first change
     * @throws UncheckedIOException if the address cannot be bound or the store file cannot be read
     */
    public static SecretsManagerEndpoint start(
            InetSocketAddress bind, String region, String accountId, Path storeFile) {
        Objects.requireNonNull(storeFile, "storeFile");
        return start(bind, new SecretStore(region, accountId, Clock.systemUTC(), new JsonStoreFile(storeFile)));
    }

    /** Serves the given store: tests use it to bring their own clock. */
    static SecretsManagerEndpoint start(InetSocketAddress bind, SecretStore store) {
        Objects.requireNonNull(bind, "bind");
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Secrets Manager cannot listen on " + bind, e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("secretsmanager-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", new SecretsManagerHttpHandler(new SecretsManagerApi(store)));
        // The socket is bound by create(); once start() returns, connections are accepted and served.
        server.start();
        return new SecretsManagerEndpoint(server, executor, uriOf(server.getAddress()));
    }

    private static URI uriOf(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        // A wildcard address cannot be dialled; the loopback interface is always among those it listens on.
        String hostAddress =
                host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : host.getHostAddress();
        try {
            return new URI("http", null, hostAddress, address.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("No URI for " + address, e);
        }
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:4714}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting requests and ends those under way; every change already answered is saved. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.close();
        }
    }
}
