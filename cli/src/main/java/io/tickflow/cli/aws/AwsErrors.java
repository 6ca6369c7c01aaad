package io.tickflow.cli.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** How the CLI talks about AWS failures: to a person, and to its retry loop. */
public final class AwsErrors {

    private AwsErrors() {}

    /** One line: the service's error code and message, or what went wrong on the way. */
    public static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + service.statusCode() : code) + (message == null ? "" : ": " + message);
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }

    /**
     * Whether trying the same request again may succeed: throttling, a server-side error, or a request that did not get
     * an answer. A request the service refused (a missing queue, bad credentials) fails the same way every time.
     */
    public static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.retryable();
        }
        return e instanceof SdkClientException;
    }
}
