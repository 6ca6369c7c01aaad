package io.tickflow.common.aws.metering;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * How AWS bills the calls of one service. A service without a rule is billed one request per call.
 *
 * <p>Rules see the modelled request and response, never the HTTP bytes: AWS bills message payloads and item sizes, not
 * their encoding on the wire (JSON escaping, form encoding), which can be twice as large.
 */
public interface BillingRule {

    /** The SDK's name of the service this rule is for, as in {@code SdkExecutionAttribute.SERVICE_NAME}: {@code Sqs}. */
    String service();

    /** What one successful call costs. */
    BilledUnits units(SdkRequest request, SdkResponse response);
}
