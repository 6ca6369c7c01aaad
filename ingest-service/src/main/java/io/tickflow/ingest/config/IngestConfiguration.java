package io.tickflow.ingest.config;

import io.awspring.cloud.s3.S3Template;
import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.ingest.adapter.out.dynamodb.DynamoDbPublishedBatches;
import io.tickflow.ingest.adapter.out.s3.S3RejectionRecorder;
import io.tickflow.ingest.adapter.out.sqs.SqsQuarantine;
import io.tickflow.ingest.flow.TickIngestion;
import io.tickflow.ingest.intake.TickIntake;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Binds {@link IngestProperties}, wires ingestion to its adapters, and declares what the service needs to be ready. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    RequiredResources requiredResources(IngestProperties ingest) {
        return RequiredResources.builder()
                .queues(ingest.queue(), ingest.deadLetterQueue())
                .topics(ingest.ticksTopic())
                .buckets(ingest.bucket())
                .tables(ingest.dedupTable())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TickIngestion tickIngestion(
            IngestProperties ingest,
            Clock clock,
            SnsClient sns,
            SqsAsyncClient sqs,
            DynamoDbClient dynamoDb,
            S3Template s3) {
        return new TickIngestion(
                new TickIntake(ingest.intakeRules(), clock),
                new DynamoDbPublishedBatches(dynamoDb, ingest.dedupTable(), ingest.dedupTtl(), clock),
                new SnsEventPublisher(sns, new TopicArns(sns).lookup(ingest.ticksTopic()), ingest.eventsPerPublish())
                        ::publish,
                new S3RejectionRecorder(s3, ingest.bucket()),
                new SqsQuarantine(sqs, ingest.deadLetterQueue()),
                new TickIngestion.Settings(ingest.queue(), ingest.maxTicksPerEvent()),
                clock);
    }
}
