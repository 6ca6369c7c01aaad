package io.tickflow.analysis.config;

import io.tickflow.analysis.adapter.in.sqs.RequestRejections;
import io.tickflow.analysis.adapter.in.sqs.VisibilityHeartbeat;
import io.tickflow.analysis.adapter.out.dynamodb.DynamoDbCandleSource;
import io.tickflow.analysis.adapter.out.dynamodb.DynamoDbJobStore;
import io.tickflow.analysis.adapter.out.s3.S3ReportStore;
import io.tickflow.analysis.adapter.out.sns.SnsAnalysisEvents;
import io.tickflow.analysis.adapter.out.trials.QueuedTrialBatches;
import io.tickflow.analysis.study.AnalysisEvents;
import io.tickflow.analysis.study.JobStore;
import io.tickflow.analysis.study.PreparedStudies;
import io.tickflow.analysis.study.StudyRunner;
import io.tickflow.analysis.study.TrialBatches;
import io.tickflow.analysis.study.TrialWork;
import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.aws.sqs.QueueUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Binds {@link AnalysisProperties}, wires studies to their adapters, and declares what the worker needs to be ready. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

    @Bean
    RequiredResources requiredResources(AnalysisProperties analysis) {
        return RequiredResources.builder()
                .queues(analysis.queue(), analysis.deadLetterQueue(), analysis.trialsQueue())
                .topics(analysis.resultsTopic())
                .buckets(analysis.bucket())
                .tables(analysis.jobsTable(), analysis.trialsTable(), analysis.candlesTable())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobStore jobStore(
            AnalysisProperties analysis, DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, Clock clock) {
        return new DynamoDbJobStore(enhanced, dynamoDb, analysis.jobsTable(), clock);
    }

    @Bean
    PreparedStudies preparedStudies(AnalysisProperties analysis, DynamoDbClient dynamoDb) {
        return new PreparedStudies(
                new DynamoDbCandleSource(dynamoDb, analysis.candlesTable()), analysis.cachedStudies());
    }

    @Bean
    AnalysisEvents analysisEvents(AnalysisProperties analysis, SnsClient sns) {
        return new SnsAnalysisEvents(
                new SnsEventPublisher(sns, new TopicArns(sns).lookup(analysis.resultsTopic()), 10));
    }

    @Bean
    TrialBatches trialBatches(
            AnalysisProperties analysis, SqsAsyncClient sqs, DynamoDbClient dynamoDb, JobStore jobs, Clock clock) {
        return new QueuedTrialBatches(
                sqs,
                QueueUrls.lazy(sqs, analysis.trialsQueue()),
                dynamoDb,
                analysis.trialsTable(),
                jobs,
                clock,
                new QueuedTrialBatches.Settings(
                        analysis.trialPollInterval(),
                        Duration.ofSeconds(1),
                        analysis.trialMaxWait(),
                        analysis.trialResultTtl()));
    }

    @Bean
    StudyRunner studyRunner(
            AnalysisProperties analysis,
            PreparedStudies studies,
            JobStore jobs,
            TrialBatches batches,
            AnalysisEvents events,
            S3Client s3,
            S3Presigner presigner,
            Clock clock) {
        return new StudyRunner(
                studies,
                jobs,
                batches,
                new S3ReportStore(s3, presigner, analysis.bucket(), analysis.reportLinkValidity()),
                events,
                clock,
                new StudyRunner.Settings(
                        analysis.maxGridSize(),
                        analysis.batchSize(),
                        analysis.localBelow(),
                        analysis.minBarsPerWindow(),
                        analysis.progressInterval()));
    }

    @Bean
    TrialWork trialWork(JobStore jobs, PreparedStudies studies, TrialBatches batches) {
        return new TrialWork(jobs, studies, batches);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService heartbeatScheduler() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("visibility-heartbeat").daemon(true).factory());
    }

    @Bean
    VisibilityHeartbeat visibilityHeartbeat(AnalysisProperties analysis, ScheduledExecutorService heartbeatScheduler) {
        return new VisibilityHeartbeat(heartbeatScheduler, analysis.lease());
    }

    @Bean
    RequestRejections requestRejections(
            AnalysisProperties analysis, AnalysisEvents events, SqsAsyncClient sqs, Clock clock) {
        return new RequestRejections(events, sqs, QueueUrls.lazy(sqs, analysis.deadLetterQueue()), clock);
    }
}
