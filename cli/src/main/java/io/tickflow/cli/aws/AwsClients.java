package io.tickflow.cli.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS, SNS, S3, DynamoDB and Secrets Manager clients of one run, built on first use from an environment (the process's, or a test's) and sharing
 * one pooled HTTP client.
 *
 * <p>An endpoint override ({@code AWS_ENDPOINT_URL_S3}) means an emulator such as the embedded stack or LocalStack, so
 * S3 is then addressed path-style, which those serve. Without a region anywhere, such an override defaults the region
 * to {@code us-east-1}; against AWS itself a missing region is an error.
 */
public final class AwsClients implements AutoCloseable {

    private static final String DEFAULT_EMULATOR_REGION = "us-east-1";

    private final Map<String, String> env;
    private final SdkHttpClient http;
    private @Nullable SqsClient sqs;
    private @Nullable S3Client s3;
    private @Nullable SnsClient sns;
    private @Nullable DynamoDbClient dynamoDb;
    private @Nullable SecretsManagerClient secretsManager;

    /**
     * @param env the environment variables to read
     * @param maxConnections how many requests may be open at once
     */
    public AwsClients(Map<String, String> env, int maxConnections) {
        this.env = Map.copyOf(env);
        this.http = ApacheHttpClient.builder().maxConnections(maxConnections).build();
    }

    /** The SQS client, built on first use. */
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            Optional<URI> endpoint = endpoint("SQS");
            var builder = SqsClient.builder()
                    .httpClient(http)
                    .region(region(endpoint))
                    .credentialsProvider(credentials());
            endpoint.ifPresent(builder::endpointOverride);
            sqs = builder.build();
        }
        return sqs;
    }

    /** The S3 client, built on first use; path-style when an endpoint override is set. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            Optional<URI> endpoint = endpoint("S3");
            var builder =
                    S3Client.builder().httpClient(http).region(region(endpoint)).credentialsProvider(credentials());
            endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
            s3 = builder.build();
        }
        return s3;
    }

    /** The SNS client, built on first use. */
    public synchronized SnsClient sns() {
        if (sns == null) {
            Optional<URI> endpoint = endpoint("SNS");
            var builder = SnsClient.builder()
                    .httpClient(http)
                    .region(region(endpoint))
                    .credentialsProvider(credentials());
            endpoint.ifPresent(builder::endpointOverride);
            sns = builder.build();
        }
        return sns;
    }

    /** The DynamoDB client, built on first use. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            Optional<URI> endpoint = endpoint("DYNAMODB");
            var builder = DynamoDbClient.builder()
                    .httpClient(http)
                    .region(region(endpoint))
                    .credentialsProvider(credentials());
            endpoint.ifPresent(builder::endpointOverride);
            dynamoDb = builder.build();
        }
        return dynamoDb;
    }

    /** The Secrets Manager client, built on first use ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER} overrides it). */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            Optional<URI> endpoint = endpoint("SECRETS_MANAGER");
            var builder = SecretsManagerClient.builder()
                    .httpClient(http)
                    .region(region(endpoint))
                    .credentialsProvider(credentials());
            endpoint.ifPresent(builder::endpointOverride);
            secretsManager = builder.build();
        }
        return secretsManager;
    }

    /** Where DynamoDB requests go, for messages: the override, or AWS. */
    public String dynamoDbEndpointDescription() {
        return endpoint("DYNAMODB").map(URI::toString).orElse("AWS");
    }

    /** Where SQS requests go, for messages: the override, or AWS. */
    public String sqsEndpointDescription() {
        return endpoint("SQS").map(URI::toString).orElse("AWS");
    }

    private Optional<URI> endpoint(String service) {
        String url = env.getOrDefault("AWS_ENDPOINT_URL_" + service, env.get("AWS_ENDPOINT_URL"));
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL_" + service + " is not a URL: " + url, e);
        }
    }

    private Region region(Optional<URI> endpoint) {
        String named = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (named != null && !named.isBlank()) {
            return Region.of(named.trim());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            if (endpoint.isPresent()) {
                return Region.of(DEFAULT_EMULATOR_REGION);
            }
            throw new IllegalArgumentException(
                    "No AWS region is set: export AWS_REGION (./tickflow sets it for the embedded stack)", e);
        }
    }

    private AwsCredentialsProvider credentials() {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(
                token == null
                        ? AwsBasicCredentials.create(key, secret)
                        : AwsSessionCredentials.create(key, secret, token));
    }

    @Override
    public synchronized void close() {
        if (sqs != null) {
            sqs.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (secretsManager != null) {
            secretsManager.close();
        }
        http.close();
    }
}
