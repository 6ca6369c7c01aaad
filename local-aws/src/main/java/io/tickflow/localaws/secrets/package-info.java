/**
 * An AWS Secrets Manager emulator for the embedded stack: the JSON 1.1 protocol the AWS SDKs, the CLI, boto3 and
 * Spring Cloud AWS's {@code aws-secretsmanager:} config import speak, with versions, staging labels, scheduled
 * deletion and, optionally, a JSON file that keeps secrets across restarts.
 *
 * <p>Only {@link io.tickflow.localaws.secrets.SecretsManagerEndpoint} is public. Inside, each class has one job:
 * {@code SecretsManagerHttpHandler} speaks HTTP and turns failures into typed AWS errors, {@code WireShapes} holds the
 * request and response shapes, {@code SecretsManagerApi} checks each request's constraints and carries it out against
 * the {@code SecretStore}, which owns the secrets, their lifecycle and their persistence; {@code SecretVersions} moves
 * the staging labels {@code AWSCURRENT} and {@code AWSPREVIOUS}; {@code SecretFilter} and {@code Page} implement
 * ListSecrets' search and pagination; {@code JsonStoreFile} writes the store file atomically.
 */
package io.tickflow.localaws.secrets;
