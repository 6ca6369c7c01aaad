package io.tickflow.localaws;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running embedded stack answers, and the settings a client needs to reach it.
 *
 * @param sqs the SQS endpoint
 * @param sns the SNS endpoint
 * @param s3 the S3 endpoint (clients must use path-style addressing)
 * @param dynamodb the DynamoDB endpoint
 * @param secretsManager the Secrets Manager endpoint
 * @param region the region every ARN and client uses
 */
public record Endpoints(URI sqs, URI sns, URI s3, URI dynamodb, URI secretsManager, String region) {

    /** The account id in every ARN the stack hands out. */
    public static final String ACCOUNT_ID = "000000000000";

    /** The static credentials the embedded stack accepts (it checks no signatures). */
    public static final String ACCESS_KEY_ID = "tickflow";

    /** See {@link #ACCESS_KEY_ID}. */
    public static final String SECRET_ACCESS_KEY = "tickflow-local";

    static Endpoints onLoopback(Ports ports, String region) {
        return new Endpoints(
                loopback(ports.sqs()),
                loopback(ports.sns()),
                loopback(ports.s3()),
                loopback(ports.dynamodb()),
                loopback(ports.secretsManager()),
                region);
    }

    /**
     * The environment variables the AWS CLI (2.13+), boto3 (1.28+) and the AWS SDKs read for service endpoints, region
     * and credentials.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
        env.put("AWS_ENDPOINT_URL_SNS", sns.toString());
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamodb.toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        return env;
    }

    /**
     * The ports in the form {@code ./tickflow} reads from {@code TICKFLOW_PORTS}: SQS, SNS, S3, DynamoDB and Secrets
     * Manager, comma-separated.
     */
    public String tickflowPorts() {
        return "%d,%d,%d,%d,%d"
                .formatted(sqs.getPort(), sns.getPort(), s3.getPort(), dynamodb.getPort(), secretsManager.getPort());
    }

    /** Spring Cloud AWS properties that point a service at this stack. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.cloud.aws.sqs.endpoint", sqs.toString());
        props.put("spring.cloud.aws.sns.endpoint", sns.toString());
        props.put("spring.cloud.aws.s3.endpoint", s3.toString());
        props.put("spring.cloud.aws.dynamodb.endpoint", dynamodb.toString());
        props.put("spring.cloud.aws.secretsmanager.endpoint", secretsManager.toString());
        props.put("spring.cloud.aws.region.static", region);
        props.put("spring.cloud.aws.credentials.access-key", ACCESS_KEY_ID);
        props.put("spring.cloud.aws.credentials.secret-key", SECRET_ACCESS_KEY);
        return props;
    }

    private static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
