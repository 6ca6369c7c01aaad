package io.tickflow.localaws.secrets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

/** The AWS SDK v2 client the services use, pointed at a test's endpoint. */
final class SdkClients {

    static final String REGION = "us-east-1";
    static final String ACCOUNT_ID = "000000000000";

    private SdkClients() {}

    /** Port 0: the endpoint picks a free loopback port and tells it through {@code endpoint()}. */
    static InetSocketAddress freeLoopbackPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static SecretsManagerClient secretsManager(URI endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    static software.amazon.awssdk.services.secretsmanager.model.Tag tag(String key, String value) {
        return software.amazon.awssdk.services.secretsmanager.model.Tag.builder()
                .key(key)
                .value(value)
                .build();
    }
}
