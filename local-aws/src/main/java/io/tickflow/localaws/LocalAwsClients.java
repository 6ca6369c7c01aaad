package io.tickflow.localaws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients pointed at a running embedded stack, sharing one HTTP connection pool. For the provisioner and for
 * tests; the services get theirs from Spring Cloud AWS.
 */
public final class LocalAwsClients implements AutoCloseable {

    private final SdkHttpClient http =
            ApacheHttpClient.builder().maxConnections(64).build();
    private final SqsClient sqs;
    private final SnsClient sns;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SecretsManagerClient secretsManager;

    public LocalAwsClients(Endpoints endpoints) {
        sqs = configure(SqsClient.builder(), endpoints.sqs(), endpoints).build();
        sns = configure(SnsClient.builder(), endpoints.sns(), endpoints).build();
        // S3Proxy serves path-style requests only.
        s3 = configure(S3Client.builder(), endpoints.s3(), endpoints)
                .forcePathStyle(true)
                .build();
        dynamoDb = configure(DynamoDbClient.builder(), endpoints.dynamodb(), endpoints)
                .build();
        secretsManager = configure(SecretsManagerClient.builder(), endpoints.secretsManager(), endpoints)
                .build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, URI endpoint, Endpoints endpoints) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Endpoints.ACCESS_KEY_ID, Endpoints.SECRET_ACCESS_KEY)))
                .httpClient(http);
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
        s3.close();
        dynamoDb.close();
        secretsManager.close();
        http.close();
    }
}
