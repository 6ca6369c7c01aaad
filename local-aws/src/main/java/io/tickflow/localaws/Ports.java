package io.tickflow.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The loopback ports the embedded stack listens on, one per service.
 *
 * @param sqs ElasticMQ
 * @param sns our SNS endpoint
 * @param s3 S3Proxy
 * @param dynamodb DynamoDB Local
 * @param secretsManager our Secrets Manager endpoint
 */
public record Ports(int sqs, int sns, int s3, int dynamodb, int secretsManager) {

    /** The fixed ports {@code ./tickflow up} uses, documented in the README. */
    public static Ports defaults() {
        return new Ports(4710, 4711, 4712, 4713, 4714);
    }

    /** Five ports that are free right now, for tests that run beside each other or beside {@code ./tickflow up}. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
