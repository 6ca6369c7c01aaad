#!/usr/bin/env bash
# LocalStack ready-hook: creates Tickflow's topology. Generated from
# io.tickflow.common.topology.Topology by io.tickflow.localaws.localstack.LocalStackInitScript;
# do not edit: LocalStackInitScriptTest fails when this file and the topology differ.
# Regenerate with: ./tickflow generate localstack-init
# Every step is idempotent, so the hook can run again on a stack that has it all.
set -euo pipefail

echo 'tickflow: creating the topology "tickflow"'

# Queues, each with its dead-letter queue
awslocal sqs create-queue --queue-name tickflow-ingest-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-ingest --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-ingest-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"60"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-storage-ticks-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-storage-ticks --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-storage-ticks-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"120"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-alert-ticks-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-alert-ticks --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-alert-ticks-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"30"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-analysis-requests-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-analysis-requests --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-analysis-requests-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"300"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-analysis-trials-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-analysis-trials --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-analysis-trials-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"120"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-notifications-dlq --attributes '{"MessageRetentionPeriod":"1209600"}' >/dev/null
awslocal sqs create-queue --queue-name tickflow-notifications --attributes '{"MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:tickflow-notifications-dlq\",\"maxReceiveCount\":\"5\"}","VisibilityTimeout":"60"}' >/dev/null

# Topics
awslocal sns create-topic --name tickflow-market-ticks >/dev/null
awslocal sns create-topic --name tickflow-market-events >/dev/null
awslocal sns create-topic --name tickflow-analysis-results >/dev/null

# Subscriptions (SNS Subscribe is idempotent for the same topic, endpoint and attributes)
awslocal sns subscribe --topic-arn arn:aws:sns:us-east-1:000000000000:tickflow-market-ticks --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:000000000000:tickflow-storage-ticks --attributes '{"RawMessageDelivery":"true"}' >/dev/null
awslocal sns subscribe --topic-arn arn:aws:sns:us-east-1:000000000000:tickflow-market-ticks --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:000000000000:tickflow-alert-ticks --attributes '{"FilterPolicy":"{\"eventType\":[\"TicksAccepted\"],\"dataset\":[\"trades\",\"quotes\"]}","FilterPolicyScope":"MessageAttributes","RawMessageDelivery":"true"}' >/dev/null
awslocal sns subscribe --topic-arn arn:aws:sns:us-east-1:000000000000:tickflow-market-events --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:000000000000:tickflow-alert-ticks --attributes '{"FilterPolicy":"{\"eventType\":[\"CandleClosed\"]}","FilterPolicyScope":"MessageAttributes","RawMessageDelivery":"true"}' >/dev/null
awslocal sns subscribe --topic-arn arn:aws:sns:us-east-1:000000000000:tickflow-analysis-results --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:000000000000:tickflow-notifications --attributes '{"FilterPolicy":"{\"eventType\":[\"AnalysisCompleted\",\"AnalysisFailed\"]}","FilterPolicyScope":"MessageAttributes","RawMessageDelivery":"true"}' >/dev/null

# Buckets and their lifecycle rules
awslocal s3api head-bucket --bucket tickflow-data 2>/dev/null || awslocal s3api create-bucket --bucket tickflow-data >/dev/null
awslocal s3api put-bucket-lifecycle-configuration --bucket tickflow-data --lifecycle-configuration '{"Rules":[{"Expiration":{"Days":90},"Filter":{"Prefix":"rejected/"},"ID":"expire-rejected","Status":"Enabled"}]}'

# Tables (on-demand), their indexes and TTL
if ! awslocal dynamodb describe-table --table-name tickflow-ingest-dedup >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-ingest-dedup --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"id","AttributeType":"S"}]' --key-schema '[{"AttributeName":"id","KeyType":"HASH"}]' >/dev/null
  awslocal dynamodb update-time-to-live --table-name tickflow-ingest-dedup --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-latest-quotes >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-latest-quotes --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"instrument","AttributeType":"S"}]' --key-schema '[{"AttributeName":"instrument","KeyType":"HASH"}]' >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-candles >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-candles --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"series","AttributeType":"S"},{"AttributeName":"openTime","AttributeType":"N"}]' --key-schema '[{"AttributeName":"series","KeyType":"HASH"},{"AttributeName":"openTime","KeyType":"RANGE"}]' >/dev/null
  awslocal dynamodb update-time-to-live --table-name tickflow-candles --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-lake-commits >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-lake-commits --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"partition","AttributeType":"S"},{"AttributeName":"eventId","AttributeType":"S"}]' --key-schema '[{"AttributeName":"partition","KeyType":"HASH"},{"AttributeName":"eventId","KeyType":"RANGE"}]' >/dev/null
  awslocal dynamodb update-time-to-live --table-name tickflow-lake-commits --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-analysis-jobs >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-analysis-jobs --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"jobId","AttributeType":"S"},{"AttributeName":"symbol","AttributeType":"S"},{"AttributeName":"createdAt","AttributeType":"S"}]' --key-schema '[{"AttributeName":"jobId","KeyType":"HASH"}]' --global-secondary-indexes '[{"IndexName":"by-symbol","KeySchema":[{"AttributeName":"symbol","KeyType":"HASH"},{"AttributeName":"createdAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-analysis-trials >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-analysis-trials --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"jobId","AttributeType":"S"},{"AttributeName":"batchId","AttributeType":"S"}]' --key-schema '[{"AttributeName":"jobId","KeyType":"HASH"},{"AttributeName":"batchId","KeyType":"RANGE"}]' >/dev/null
  awslocal dynamodb update-time-to-live --table-name tickflow-analysis-trials --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-subscriptions >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-subscriptions --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"owner","AttributeType":"S"},{"AttributeName":"subscriptionId","AttributeType":"S"}]' --key-schema '[{"AttributeName":"owner","KeyType":"HASH"},{"AttributeName":"subscriptionId","KeyType":"RANGE"}]' --global-secondary-indexes '[{"IndexName":"by-subscription-id","KeySchema":[{"AttributeName":"subscriptionId","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-deliveries >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-deliveries --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"fanOutId","AttributeType":"S"}]' --key-schema '[{"AttributeName":"fanOutId","KeyType":"HASH"}]' >/dev/null
  awslocal dynamodb update-time-to-live --table-name tickflow-deliveries --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-alert-state >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-alert-state --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"subscriptionId","AttributeType":"S"},{"AttributeName":"rule","AttributeType":"S"}]' --key-schema '[{"AttributeName":"subscriptionId","KeyType":"HASH"},{"AttributeName":"rule","KeyType":"RANGE"}]' >/dev/null
fi
if ! awslocal dynamodb describe-table --table-name tickflow-api-keys >/dev/null 2>&1; then
  awslocal dynamodb create-table --table-name tickflow-api-keys --billing-mode PAY_PER_REQUEST --attribute-definitions '[{"AttributeName":"keyHash","AttributeType":"S"},{"AttributeName":"owner","AttributeType":"S"}]' --key-schema '[{"AttributeName":"keyHash","KeyType":"HASH"}]' --global-secondary-indexes '[{"IndexName":"by-owner","KeySchema":[{"AttributeName":"owner","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]' >/dev/null
fi

# Secrets: fresh random key material for each new stack, never kept in the repository
random_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
awslocal secretsmanager describe-secret --secret-id tickflow/notification-service >/dev/null 2>&1 || awslocal secretsmanager create-secret --name tickflow/notification-service --secret-string "{\"tickflow.notify.api-key-pepper\":\"$(random_key)\"}" >/dev/null

echo 'tickflow: topology ready'
