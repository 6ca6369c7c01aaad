package io.tickflow.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The embedded AWS stack ({@code local-aws}) as a child process on free loopback ports, everything in memory. */
final class EmbeddedAws implements AutoCloseable {

    private final ChildProcess process;
    private final int[] ports;

    private EmbeddedAws(ChildProcess process, int[] ports) {
        this.process = process;
        this.ports = ports;
    }

    static EmbeddedAws start(LoadOptions options, Path logs) {
        Path jar = options.localAwsJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/README.md)");
        }
        int[] ports = freePorts(5);
        String portList = ports[0] + "," + ports[1] + "," + ports[2] + "," + ports[3] + "," + ports[4];
        ChildProcess process = ChildProcess.start(
                "local-aws",
                List.of(options.java().toString(), "-jar", jar.toString(), "--ports", portList),
                logs.resolve("local-aws.log"));
        EmbeddedAws aws = new EmbeddedAws(process, ports);
        try {
            process.awaitOutput("local-aws ready", Duration.ofMinutes(3));
            return aws;
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    ChildProcess process() {
        return process;
    }

    URI sqs() {
        return endpoint(0);
    }

    URI sns() {
        return endpoint(1);
    }

    URI s3() {
        return endpoint(2);
    }

    URI dynamoDb() {
        return endpoint(3);
    }

    URI secretsManager() {
        return endpoint(4);
    }

    /** A client of the stack's SQS, as the harnesses use it: test credentials, us-east-1, Apache HTTP. */
    SqsClient sqsClient() {
        return onStack(SqsClient.builder(), sqs()).build();
    }

    /** A client of the stack's SNS. */
    SnsClient snsClient() {
        return onStack(SnsClient.builder(), sns()).build();
    }

    /** A client of the stack's DynamoDB. */
    DynamoDbClient dynamoDbClient() {
        return onStack(DynamoDbClient.builder(), dynamoDb()).build();
    }

    /** A client of the stack's Secrets Manager. */
    SecretsManagerClient secretsManagerClient() {
        return onStack(SecretsManagerClient.builder(), secretsManager()).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B onStack(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder());
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("tickflow", "tickflow-local"));

    private URI endpoint(int index) {
        return URI.create("http://127.0.0.1:" + ports[index]);
    }

    /** Ports nothing listens on now; the child binds them a moment later. */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // A port that cannot be closed was never handed out.
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
