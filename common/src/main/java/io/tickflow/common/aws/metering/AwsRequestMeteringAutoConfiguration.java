package io.tickflow.common.aws.metering;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds {@link AwsRequestMetering} to every SDK client Spring Cloud AWS builds (SQS, SNS, S3, DynamoDB, Secrets
 * Manager, ...), through its sync and async client customizers, when the service has a {@link MeterRegistry}. Clients a
 * service builds itself are not metered unless it adds the interceptor; {@code tickflow.aws.metering.enabled=false}
 * switches it off.
 *
 * <p>Customizers rather than the SDK's global {@code execution.interceptors} file: a global interceptor is created by
 * the SDK with no way to reach the application's registry, and would meter every client in the JVM.
 */
@AutoConfiguration(
        // Boot's own metrics auto-configurations, named so that common needs no dependency on them.
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, ExecutionInterceptor.class, AwsSyncClientCustomizer.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "tickflow.aws.metering.enabled", matchIfMissing = true)
public class AwsRequestMeteringAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AwsRequestMetering awsRequestMetering(MeterRegistry registry) {
        return AwsRequestMetering.withKnownRules(registry);
    }

    @Bean
    AwsSyncClientCustomizer awsRequestMeteringSyncClientCustomizer(AwsRequestMetering metering) {
        // Every client builder Spring Cloud AWS passes is an SdkClientBuilder; the customizer's type does not say so.
        return builder -> metering.addTo((SdkClientBuilder<?, ?>) builder);
    }

    @Bean
    AwsAsyncClientCustomizer awsRequestMeteringAsyncClientCustomizer(AwsRequestMetering metering) {
        return builder -> metering.addTo((SdkClientBuilder<?, ?>) builder);
    }
}
