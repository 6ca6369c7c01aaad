package io.tickflow.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The wiring, with real SDK clients pointed at a loopback port where nothing listens: the checks against live
 * emulators run in each service's integration tests.
 */
class RequiredResourcesHealthAutoConfigurationTest {

    private static final URI NOTHING_LISTENS = URI.create("http://127.0.0.1:" + closedPort());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequiredResourcesHealthAutoConfiguration.class))
            .withUserConfiguration(Clients.class);

    @Test
    void addsNoIndicatorToAServiceThatDeclaresNoResources() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RequiredResourcesHealthIndicator.class));
    }

    @Test
    void addsALookupForEachConfiguredClient() {
        runner.withUserConfiguration(QueuesAndTables.class).run(context -> {
            assertThat(context).hasSingleBean(RequiredResourcesHealthIndicator.class);
            assertThat(context.getBeansOfType(ResourceCheck.class).values())
                    .extracting(ResourceCheck::kind)
                    .containsExactlyInAnyOrder(ResourceKind.QUEUE, ResourceKind.TABLE);
        });
    }

    @Test
    void reportsAnEndpointThatCannotBeReachedAsNotReady() {
        runner.withUserConfiguration(QueuesAndTables.class)
                .withPropertyValues("tickflow.health.required-resources.timeout=2s")
                .run(context -> {
                    Health health = context.getBean(RequiredResourcesHealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("queues"))
                            .asInstanceOf(map(String.class, String.class))
                            .hasEntrySatisfying(
                                    "t-ingest", status -> assertThat(status).startsWith("cannot be checked: "));
                });
    }

    @Test
    void refusesToStartAServiceThatRequiresBucketsWithoutAnS3Client() {
        runner.withBean(
                        RequiredResources.class,
                        () -> RequiredResources.builder().buckets("t-data").build())
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("requires the buckets [t-data]"));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withUserConfiguration(QueuesAndTables.class)
                .withPropertyValues("management.health.required-resources.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RequiredResourcesHealthIndicator.class));
    }

    @Test
    void bindsItsTuning() {
        runner.withUserConfiguration(QueuesAndTables.class)
                .withPropertyValues(
                        "tickflow.health.required-resources.cache-ttl=1m",
                        "tickflow.health.required-resources.timeout=500ms")
                .run(context -> assertThat(context.getBean(RequiredResourcesHealthProperties.class))
                        .isEqualTo(
                                new RequiredResourcesHealthProperties(Duration.ofMinutes(1), Duration.ofMillis(500))));
    }

    @Configuration(proxyBeanMethods = false)
    static class Clients {
        private static final StaticCredentialsProvider CREDENTIALS =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

        @Bean(destroyMethod = "close")
        SqsAsyncClient sqsAsyncClient() {
            return SqsAsyncClient.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS)
                    .endpointOverride(NOTHING_LISTENS)
                    .build();
        }

        @Bean(destroyMethod = "close")
        DynamoDbClient dynamoDbClient() {
            return DynamoDbClient.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(CREDENTIALS)
                    .endpointOverride(NOTHING_LISTENS)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QueuesAndTables {
        @Bean
        RequiredResources requiredResources() {
            return RequiredResources.builder()
                    .queues("t-ingest")
                    .tables("t-ingest-dedup")
                    .build();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
