package io.tickflow.common.aws.metering;

import java.util.ArrayList;
import java.util.List;

/**
 * The billing rules of the services whose SDK modules are present. Each rule names its service's model classes, so it
 * is only created when they can be loaded.
 */
final class BillingRules {

    private BillingRules() {}

    static List<BillingRule> available() {
        ClassLoader loader = BillingRules.class.getClassLoader();
        List<BillingRule> rules = new ArrayList<>();
        if (present("software.amazon.awssdk.services.sqs.SqsClient", loader)) {
            rules.add(new SqsBillingRule());
        }
        if (present("software.amazon.awssdk.services.sns.SnsClient", loader)) {
            rules.add(new SnsBillingRule());
        }
        if (present("software.amazon.awssdk.services.dynamodb.DynamoDbClient", loader)) {
            rules.add(new DynamoDbBillingRule());
        }
        return List.copyOf(rules);
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
