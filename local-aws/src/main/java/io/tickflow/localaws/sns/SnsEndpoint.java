package io.tickflow.localaws.sns;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Amazon SNS endpoint for the embedded stack: standard topics, subscriptions and publishing over the query API that
 * the AWS SDKs, the AWS CLI and boto3 speak, with fan-out into SQS queues of an SQS endpoint (ElasticMQ) and to HTTP
 * and HTTPS subscribers.
 *
 * <p>Filter policies on either scope are evaluated by AWS's event-ruler; SQS subscribers get raw messages or the
 * signed SNS envelope; HTTP subscribers confirm through the SubscribeURL or ConfirmSubscription first. Publish and
 * PublishBatch return once SQS has taken every message they imply. State lives in memory; signatures are checked on
 * no request. FIFO topics, SMS, e-mail, Lambda and mobile push are not served.
 */
public final class SnsEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnsEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final HttpDelivery http;
    private final SqsDelivery sqs;

    private SnsEndpoint(HttpServer server, ExecutorService executor, URI endpoint, HttpDelivery http, SqsDelivery sqs) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
        this.http = http;
        this.sqs = sqs;
    }

    /**
     * Starts serving SNS.
     *
     * @param bind the address and port to listen on (port 0 picks a free one)
     * @param sqsEndpoint the SQS endpoint that holds the queues SQS subscriptions name
     * @param region the region in topic ARNs, which must be the one the SQS endpoint puts in queue ARNs
     * @param accountId the account in topic ARNs
     * @return the running endpoint, once it accepts requests
     */
    public static SnsEndpoint start(InetSocketAddress bind, URI sqsEndpoint, String region, String accountId) {
        return start(bind, sqsEndpoint, region, accountId, Clock.systemUTC());
    }

    static SnsEndpoint start(InetSocketAddress bind, URI sqsEndpoint, String region, String accountId, Clock clock) {
        // The JDK server otherwise leaves Nagle's algorithm on, which holds small responses back for a delayed ACK
        // (tens of milliseconds per request). Read once, when the server first starts in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(bind, 256);
        } catch (IOException e) {
            throw new UncheckedIOException("SNS could not listen on " + bind, e);
        }
        URI endpoint = uri(server.getAddress());
        Arns arns = new Arns(region, accountId);
        MessageSigner signer = new MessageSigner("sns." + region + ".emulated.tickflow.local", clock);
        Envelopes envelopes = new Envelopes(endpoint, signer);
        TopicRegistry registry = new TopicRegistry(arns);
        SqsDelivery sqs = new SqsDelivery(sqsEndpoint, region);
        HttpDelivery http = new HttpDelivery();
        Fanout fanout = new Fanout(registry, envelopes, sqs, http);
        SnsApi api = new SnsApi(registry, fanout, http, envelopes, arns, clock);

        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new SnsHttpHandler(api, signer));
        server.start();
        log.info("SNS emulator listening at {}, delivering to SQS at {}", endpoint, sqsEndpoint);
        return new SnsEndpoint(server, executor, endpoint, http, sqs);
    }

    private static URI uri(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        String name;
        if (host.isAnyLocalAddress()) {
            // Bound to every interface: loopback is the address every local client can reach.
            name = "127.0.0.1";
        } else if (host instanceof Inet6Address) {
            name = "[" + host.getHostAddress() + "]";
        } else {
            name = host.getHostAddress();
        }
        return URI.create("http://" + name + ":" + address.getPort());
    }

    /** Where clients reach this endpoint, e.g. {@code http://127.0.0.1:4575}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops serving at once; HTTP deliveries still waiting for a retry are dropped with the state. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        http.close();
        sqs.close();
        log.info("SNS emulator at {} stopped", endpoint);
    }
}
