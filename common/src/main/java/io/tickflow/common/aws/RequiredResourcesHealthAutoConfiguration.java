package io.tickflow.common.aws;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Adds the {@code requiredResources} health indicator to a service that declares a {@link RequiredResources} bean,
 * with a lookup for each kind of resource whose client Spring Cloud AWS has configured.
 */
@AutoConfiguration(
        after = {
            SqsAutoConfiguration.class,
            SnsAutoConfiguration.class,
            S3AutoConfiguration.class,
            DynamoDbAutoConfiguration.class
        })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RequiredResources.class)
@ConditionalOnEnabledHealthIndicator("required-resources")
@EnableConfigurationProperties(RequiredResourcesHealthProperties.class)
public class RequiredResourcesHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequiredResourcesHealthIndicator requiredResourcesHealthIndicator(
            RequiredResources required,
            ObjectProvider<ResourceCheck> checks,
            RequiredResourcesHealthProperties properties) {
        return new RequiredResourcesHealthIndicator(
                required, checks.orderedStream().toList(), Clock.systemUTC(), properties.cacheTtl());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SqsAsyncClient.class)
    @ConditionalOnBean(SqsAsyncClient.class)
    static class QueueCheckConfiguration {
        @Bean
        ResourceCheck queueResourceCheck(SqsAsyncClient sqs, RequiredResourcesHealthProperties properties) {
            return new QueueCheck(sqs, properties.timeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SnsClient.class)
    @ConditionalOnBean(SnsClient.class)
    static class TopicCheckConfiguration {
        @Bean
        ResourceCheck topicResourceCheck(SnsClient sns, RequiredResourcesHealthProperties properties) {
            return new TopicCheck(sns, properties.timeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3Client.class)
    @ConditionalOnBean(S3Client.class)
    static class BucketCheckConfiguration {
        @Bean
        ResourceCheck bucketResourceCheck(S3Client s3, RequiredResourcesHealthProperties properties) {
            return new BucketCheck(s3, properties.timeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DynamoDbClient.class)
    @ConditionalOnBean(DynamoDbClient.class)
    static class TableCheckConfiguration {
        @Bean
        ResourceCheck tableResourceCheck(DynamoDbClient dynamoDb, RequiredResourcesHealthProperties properties) {
            return new TableCheck(dynamoDb, properties.timeout());
        }
    }
}
