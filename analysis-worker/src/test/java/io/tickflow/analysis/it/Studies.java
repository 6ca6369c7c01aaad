package io.tickflow.analysis.it;

import io.tickflow.common.aws.dynamodb.BatchedTable;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a user of analysis-worker does, with plain AWS clients: seeds candles as storage-service writes them, subscribes
 * a queue of their own to the results topic with a filter policy, sends requests and reads the events that arrive.
 */
final class Studies {

    private final LocalAwsClients aws;
    private final Topology topology;
    private final String resultsQueueUrl;
    private final List<AnalysisEvent> received = new CopyOnWriteArrayList<>();

    /**
     * Subscribes a new queue to the results topic.
     *
     * @param filterPolicy the subscription's filter policy on message attributes
     */
    Studies(LocalAwsClients aws, Topology topology, String filterPolicy) {
        this.aws = aws;
        this.topology = topology;
        String queue = topology.prefix() + "-it-results-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.resultsQueueUrl = aws.sqs().createQueue(r -> r.queueName(queue)).queueUrl();
        String queueArn = aws.sqs()
                .getQueueAttributes(r -> r.queueUrl(resultsQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(r -> r.topicArn(topicArn())
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)));
    }

    private String topicArn() {
        String name = topology.topic("analysis-results");
        return aws.sns().listTopics().topics().stream()
                .map(t -> t.topicArn())
                .filter(arn -> arn.endsWith(":" + name))
                .findFirst()
                .orElseThrow();
    }

    /** Writes the candles of {@code interval} into the candles table. */
    void seed(String venue, String symbol, Interval interval, List<BitstampCandles.Candle> candles) {
        new BatchedTable(aws.dynamoDb(), topology.table("candles"))
                .put(BitstampCandles.items(venue, symbol, interval, candles));
    }

    /** Sends a request, as JSON, to the requests queue. */
    void send(AnalysisRequest request) {
        sendRaw(ContractJson.mapper().writeValueAsString(request));
    }

    /** Sends any body to the requests queue. */
    void sendRaw(String body) {
        String url = aws.sqs()
                .getQueueUrl(r -> r.queueName(topology.queue("analysis-requests")))
                .queueUrl();
        aws.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body));
    }

    /** The events of {@code requestId} received so far, in arrival order. */
    List<AnalysisEvent> events(UUID requestId) {
        for (Message message : aws.sqs()
                .receiveMessage(
                        r -> r.queueUrl(resultsQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            received.add(ContractJson.mapper().readValue(message.body(), AnalysisEvent.class));
            aws.sqs().deleteMessage(r -> r.queueUrl(resultsQueueUrl).receiptHandle(message.receiptHandle()));
        }
        List<AnalysisEvent> mine = new ArrayList<>();
        for (AnalysisEvent event : received) {
            if (event.requestId().equals(requestId)) {
                mine.add(event);
            }
        }
        return mine;
    }

    /** Waits for the event of {@code type} about {@code requestId}. */
    <T extends AnalysisEvent> T await(UUID requestId, Class<T> type, Duration atMost) {
        return type.cast(org.awaitility.Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> events(requestId).stream()
                                .filter(type::isInstance)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull));
    }
}
