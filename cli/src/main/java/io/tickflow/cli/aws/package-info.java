/**
 * AWS SDK clients configured the way the AWS CLI and the SDKs configure themselves from the environment:
 * {@code AWS_ENDPOINT_URL_SQS} / {@code AWS_ENDPOINT_URL_SNS} / {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL_DYNAMODB} /
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} (or {@code AWS_ENDPOINT_URL}), {@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID} and friends, else the SDK's default chains (profiles, SSO, instance roles).
 */
@NullMarked
package io.tickflow.cli.aws;

import org.jspecify.annotations.NullMarked;
