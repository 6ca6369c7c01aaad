/**
 * An Amazon SNS emulator for the embedded stack: the query API the AWS SDKs, the CLI and boto3 speak, with fan-out
 * into SQS (ElasticMQ) and to HTTP endpoints, filter policies evaluated by AWS's own event-ruler.
 *
 * <p>Only {@link io.tickflow.localaws.sns.SnsEndpoint} is public. Inside, each class has one job: {@code QueryRequest}
 * reads the form, {@code SnsApi} carries out actions against the {@code TopicRegistry}, {@code Fanout} decides who
 * receives a message and hands it to {@code SqsDelivery} or {@code HttpDelivery}, {@code Envelopes} writes the JSON an
 * SNS subscriber receives and {@code MessageSigner} signs it.
 */
package io.tickflow.localaws.sns;
