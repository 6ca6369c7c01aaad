package io.tickflow.storage.config;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.aws.sqs.QueueUrls;
import io.tickflow.storage.adapter.out.dynamodb.DynamoDbCandleStore;
import io.tickflow.storage.adapter.out.dynamodb.DynamoDbLakeCommits;
import io.tickflow.storage.adapter.out.dynamodb.DynamoDbPriceStore;
import io.tickflow.storage.adapter.out.s3.S3LakeCatalog;
import io.tickflow.storage.adapter.out.s3.S3LakeWriter;
import io.tickflow.storage.adapter.out.sqs.SqsReceipts;
import io.tickflow.storage.candles.CandleStore;
import io.tickflow.storage.flow.LakeCatalog;
import io.tickflow.storage.flow.LakeCompaction;
import io.tickflow.storage.flow.LakeFlush;
import io.tickflow.storage.flow.MarketEventPublisher;
import io.tickflow.storage.flow.MarketStateUpdate;
import io.tickflow.storage.flow.TickStorage;
import io.tickflow.storage.lake.LakeBuffer;
import io.tickflow.storage.prices.PriceStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Binds {@link StorageProperties}, wires storage to its adapters, and declares what the service needs to be ready. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    RequiredResources requiredResources(StorageProperties storage) {
        return RequiredResources.builder()
                .queues(storage.queue(), storage.deadLetterQueue())
                .topics(storage.eventsTopic())
                .buckets(storage.bucket())
                .tables(storage.quotesTable(), storage.candlesTable(), storage.commitsTable())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CandleStore candleStore(
            StorageProperties storage, DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, Clock clock) {
        return new DynamoDbCandleStore(enhanced, dynamoDb, storage.candlesTable(), storage.oneMinuteCandleTtl(), clock);
    }

    @Bean
    PriceStore priceStore(StorageProperties storage, DynamoDbClient dynamoDb, Clock clock) {
        return new DynamoDbPriceStore(dynamoDb, storage.quotesTable(), clock);
    }

    @Bean
    LakeCatalog lakeCatalog(StorageProperties storage, S3Client s3) {
        return new S3LakeCatalog(s3, storage.bucket());
    }

    @Bean
    MarketEventPublisher marketEventPublisher(StorageProperties storage, SnsClient sns) {
        return new SnsEventPublisher(sns, new TopicArns(sns).lookup(storage.eventsTopic()), 10)::publish;
    }

    @Bean
    SqsReceipts sqsReceipts(StorageProperties storage, SqsAsyncClient sqs) {
        return new SqsReceipts(
                sqs, QueueUrls.lazy(sqs, storage.queue()), QueueUrls.lazy(sqs, storage.deadLetterQueue()));
    }

    @Bean
    LakeBuffer lakeBuffer(StorageProperties storage, Clock clock) {
        return new LakeBuffer(
                storage.flushTicks(),
                Math.max(storage.flushTicks(), storage.maxBufferedTicks()),
                storage.flushInterval(),
                clock);
    }

    @Bean
    LakeFlush lakeFlush(
            StorageProperties storage,
            LakeBuffer buffer,
            S3Client s3,
            DynamoDbClient dynamoDb,
            MarketEventPublisher publisher,
            SqsReceipts receipts,
            Clock clock) {
        return new LakeFlush(
                buffer,
                new S3LakeWriter(s3, storage.bucket()),
                new DynamoDbLakeCommits(dynamoDb, storage.commitsTable(), storage.commitTtl(), clock),
                publisher,
                receipts,
                clock,
                new LakeFlush.Settings(storage.visibilityExtension(), Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Bean
    LakeFlushLoop lakeFlushLoop(
            StorageProperties storage,
            LakeFlush flush,
            LakeCompaction compaction,
            Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        return new LakeFlushLoop(flush, compaction, storage, clock, meters);
    }

    @Bean
    LakeCompaction lakeCompaction(StorageProperties storage, S3Client s3, DynamoDbClient dynamoDb, Clock clock) {
        return new LakeCompaction(
                new S3LakeWriter(s3, storage.bucket()),
                new DynamoDbLakeCommits(dynamoDb, storage.commitsTable(), storage.commitTtl(), clock),
                storage.compactionLease());
    }

    @Bean
    TickStorage tickStorage(
            LakeBuffer buffer,
            CandleStore candles,
            PriceStore prices,
            MarketEventPublisher publisher,
            SqsReceipts receipts,
            Clock clock) {
        return new TickStorage(new MarketStateUpdate(candles, prices, publisher, clock), buffer, receipts);
    }
}
