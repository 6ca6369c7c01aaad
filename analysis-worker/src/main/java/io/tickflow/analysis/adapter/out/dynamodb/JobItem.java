package io.tickflow.analysis.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An analysis job as the jobs table holds it: key {@code jobId}; {@code symbol} and {@code createdAt} (ISO-8601) feed
 * the {@code by-symbol} index ("the studies of BTC-USD, newest first"). {@code request} and {@code outcome} are the
 * contract messages as JSON, so a redelivered request and the workers taking its trial batches read the same request,
 * and a finished job announces the same outcome again.
 */
@DynamoDbBean
public class JobItem {
    private String jobId;
    private String symbol;
    private String createdAt;
    private String venue;
    private String strategy;
    private String status;
    private String request;
    private String outcome;
    private Integer completedTrials;
    private Integer totalTrials;
    private String bestObjectiveValue;
    private String updatedAt;

    @DynamoDbPartitionKey
    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "by-symbol")
    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    @DynamoDbSecondarySortKey(indexNames = "by-symbol")
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Integer getCompletedTrials() {
        return completedTrials;
    }

    public void setCompletedTrials(Integer completedTrials) {
        this.completedTrials = completedTrials;
    }

    public Integer getTotalTrials() {
        return totalTrials;
    }

    public void setTotalTrials(Integer totalTrials) {
        this.totalTrials = totalTrials;
    }

    public String getBestObjectiveValue() {
        return bestObjectiveValue;
    }

    public void setBestObjectiveValue(String bestObjectiveValue) {
        this.bestObjectiveValue = bestObjectiveValue;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }
}
