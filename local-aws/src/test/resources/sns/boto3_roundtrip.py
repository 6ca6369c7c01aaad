"""Drives the SNS emulator with boto3 the way an application would, and prints what it saw as JSON.

Usage: boto3_roundtrip.py <sns endpoint> <queue arn> <topic name>
"""
import json
import sys

import boto3

endpoint, queue_arn, topic_name = sys.argv[1:4]
sns = boto3.client("sns", endpoint_url=endpoint)

topic_arn = sns.create_topic(Name=topic_name, Tags=[{"Key": "team", "Value": "ingest"}])["TopicArn"]
subscription_arn = sns.subscribe(
    TopicArn=topic_arn,
    Protocol="sqs",
    Endpoint=queue_arn,
    Attributes={
        "FilterPolicyScope": "MessageBody",
        "FilterPolicy": json.dumps({"dataset": ["trades"], "price": [{"numeric": [">", 100]}]}),
    },
    ReturnSubscriptionArn=True,
)["SubscriptionArn"]

batch = sns.publish_batch(
    TopicArn=topic_arn,
    PublishBatchRequestEntries=[
        {"Id": "cheap-trade", "Message": json.dumps({"dataset": "trades", "price": 99.5})},
        {"Id": "dear-trade", "Message": json.dumps({"dataset": "trades", "price": 101.25})},
        {"Id": "quote", "Message": json.dumps({"dataset": "quotes", "price": 150})},
        {
            "Id": "bad-attribute",
            "Message": "{}",
            "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "not-a-number"}},
        },
    ],
)

single = sns.publish(
    TopicArn=topic_arn,
    Subject="Trade",
    Message=json.dumps({"dataset": "trades", "price": 200}),
    MessageAttributes={
        "eventType": {"DataType": "String", "StringValue": "TicksAccepted"},
        "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01"},
    },
)

try:
    sns.publish(TopicArn=topic_arn + "-missing", Message="lost")
    missing = "no error"
except sns.exceptions.NotFoundException as error:
    missing = error.response["Error"]["Code"]

print(
    json.dumps(
        {
            "topicArn": topic_arn,
            "subscriptionArn": subscription_arn,
            "successful": sorted(entry["Id"] for entry in batch["Successful"]),
            "failed": {entry["Id"]: entry["Code"] for entry in batch["Failed"]},
            "dearTradeId": next(e["MessageId"] for e in batch["Successful"] if e["Id"] == "dear-trade"),
            "singleId": single["MessageId"],
            "subscriptionAttributes": sns.get_subscription_attributes(SubscriptionArn=subscription_arn)["Attributes"],
            "tags": sns.list_tags_for_resource(ResourceArn=topic_arn)["Tags"],
            "missingTopicError": missing,
        }
    )
)
