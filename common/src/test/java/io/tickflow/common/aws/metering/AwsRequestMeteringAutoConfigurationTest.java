package io.tickflow.common.aws.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClientBuilder;

/**
 * The wiring. Spring Cloud AWS's client auto-configurations pass every builder through the {@link
 * AwsSyncClientCustomizer} and {@link AwsAsyncClientCustomizer} beans; these tests do the same with the beans this
 * auto-configuration contributes, and call a loopback endpoint with the clients built.
 */
class AwsRequestMeteringAutoConfigurationTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsRequestMeteringAutoConfiguration.class));

    private final ScriptedAwsEndpoint aws = new ScriptedAwsEndpoint()
            .json("GetQueueUrl", 200, "{\"QueueUrl\":\"http://127.0.0.1/000000000000/q\"}")
            .xml(
                    "ListTopics",
                    200,
                    """
                    <ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                      <ListTopicsResult><Topics/></ListTopicsResult>
                      <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
                    </ListTopicsResponse>
                    """);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void meteringNothingWithoutAMeterRegistry() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(AwsRequestMetering.class);
            assertThat(context).doesNotHaveBean(AwsSyncClientCustomizer.class);
            assertThat(context).doesNotHaveBean(AwsAsyncClientCustomizer.class);
        });
    }

    @Test
    void metersTheSyncAndAsyncClientsSpringCloudAwsBuilds() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            try (SnsClient sns = customized(context, SnsClient.builder()).build();
                    SqsAsyncClient sqs =
                            customized(context, SqsAsyncClient.builder()).build()) {
                sns.listTopics();
                sqs.getQueueUrl(r -> r.queueName("q")).join();
            }

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(AwsRequestMetering.REQUESTS)
                            .tags("service", "Sns", "operation", "ListTopics", "outcome", "success")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(AwsRequestMetering.REQUESTS)
                            .tags("service", "Sqs", "operation", "GetQueueUrl", "outcome", "success")
                            .counter()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("tickflow.aws.metering.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AwsRequestMetering.class));
    }

    private SnsClientBuilder customized(AssertableApplicationContext context, SnsClientBuilder builder) {
        configure(builder);
        context.getBeanProvider(AwsSyncClientCustomizer.class).orderedStream().forEach(c -> c.customize(builder));
        return builder;
    }

    private SqsAsyncClientBuilder customized(AssertableApplicationContext context, SqsAsyncClientBuilder builder) {
        configure(builder);
        context.getBeanProvider(AwsAsyncClientCustomizer.class).orderedStream().forEach(c -> c.customize(builder));
        return builder;
    }

    /** What Spring Cloud AWS's configurer does before the customizers run: region, credentials, endpoint. */
    private void configure(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder) {
        builder.region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).endpointOverride(aws.uri());
    }
}
