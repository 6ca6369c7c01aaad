package io.tickflow.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.localaws.junit.UserShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation's acceptance check, as a user types it: {@code eval "$(./tickflow env)"}, then {@code aws sns publish}
 * to tickflow-market-ticks with message attributes reaches each queue whose filter policy admits it, and no other.
 */
@ExtendWith(LocalAwsExtension.class)
class TickflowEnvAcceptanceTest {

    private static final Path LAUNCHER = Path.of("..", "tickflow");

    @Test
    void awsCliPublishThroughTickflowEnvReachesExactlyTheAdmittingQueues(LocalAws stack, LocalAwsClients aws)
            throws Exception {
        assumeAwsCli();
        String trades = "trades-" + UUID.randomUUID();
        String bars = "bars-" + UUID.randomUUID();

        String output = shell(
                stack,
                """
                eval "$(%1$s env)"
                topic=arn:aws:sns:us-east-1:000000000000:tickflow-market-ticks
                aws sns publish --topic-arn "$topic" --message '%2$s' --message-attributes \
                  '{"eventType":{"DataType":"String","StringValue":"TicksAccepted"},"dataset":{"DataType":"String","StringValue":"trades"},"symbol":{"DataType":"String","StringValue":"BTC-USD"}}'
                aws sns publish --topic-arn "$topic" --message '%3$s' --message-attributes \
                  '{"eventType":{"DataType":"String","StringValue":"TicksAccepted"},"dataset":{"DataType":"String","StringValue":"bars"},"symbol":{"DataType":"String","StringValue":"AAPL"}}'
                """
                        .formatted(LAUNCHER, trades, bars));

        assertThat(output).contains("MessageId");
        assertThat(bodies(aws, "tickflow-storage-ticks")).contains(trades, bars);
        List<String> alerts = bodies(aws, "tickflow-alert-ticks");
        assertThat(alerts).contains(trades).doesNotContain(bars);
        assertThat(bodies(aws, "tickflow-notifications")).doesNotContain(trades, bars);
    }

    private static List<String> bodies(LocalAwsClients aws, String queue) {
        return new QueueDrainer(aws).drainBodies(queue, Duration.ofSeconds(1));
    }

    private static String shell(LocalAws stack, String script) throws Exception {
        return UserShell.run(stack.endpoints(), script);
    }

    private static void assumeAwsCli() {
        if (!Files.isExecutable(Path.of("/usr/bin/aws"))) {
            if (System.getenv("CI") != null) {
                fail("CI must install Debian's awscli (apt-get install awscli): .ci/run does");
            }
            assumeTrue(false, "Debian's awscli is not installed (apt-get install awscli)");
        }
    }
}
