package io.tickflow.common.aws.sqs;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Queue URLs by name, for services that send to queues they do not listen on. */
public final class QueueUrls {

    private QueueUrls() {}

    /**
     * The URL of queue {@code name}, looked up on first use and then kept: services never create queues, and looking it
     * up late lets a service start (unready) before its queues exist.
     */
    public static Supplier<String> lazy(SqsAsyncClient sqs, String name) {
        return new Supplier<>() {
            private volatile String url;

            @Override
            public String get() {
                String found = url;
                if (found == null) {
                    found = sqs.getQueueUrl(r -> r.queueName(name)).join().queueUrl();
                    url = found;
                }
                return found;
            }
        };
    }
}
