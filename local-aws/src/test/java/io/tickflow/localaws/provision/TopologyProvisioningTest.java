package io.tickflow.localaws.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAws;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class TopologyProvisioningTest {

    @Test
    void theStackStartsWithTheWholeTopologyAsDeclared(LocalAwsClients aws) {
        assertThat(new TopologyVerifier(aws).differences(Topology.tickflow())).isEmpty();
    }

    @Test
    void provisioningAgainChangesNothing(LocalAws stack, LocalAwsClients aws) {
        int queues = aws.sqs().listQueues().queueUrls().size();
        int subscriptions = aws.sns().listSubscriptions().subscriptions().size();

        new TopologyProvisioner(stack.endpoints()).provision(Topology.tickflow());

        assertThat(aws.sqs().listQueues().queueUrls()).hasSize(queues);
        assertThat(aws.sns().listSubscriptions().subscriptions()).hasSize(subscriptions);
        assertThat(new TopologyVerifier(aws).differences(Topology.tickflow())).isEmpty();
    }

    @Test
    void theVerifierReportsWhatIsMissing(Endpoints endpoints, LocalAwsClients aws) {
        Topology other = Topology.tickflow("elsewhere");

        assertThat(new TopologyVerifier(aws).differences(other))
                .anySatisfy(problem -> assertThat(problem).contains("elsewhere-ingest"))
                .anySatisfy(problem -> assertThat(problem).contains("topic elsewhere-market-ticks is missing"))
                .anySatisfy(problem -> assertThat(problem).contains("elsewhere-candles"));
    }

    @Test
    void aSecondPrefixLivesBesideTheFirst(LocalAws stack, LocalAwsClients aws) {
        Topology staging = Topology.tickflow("staging");

        new TopologyProvisioner(stack.endpoints()).provision(staging);

        assertThat(new TopologyVerifier(aws).differences(staging)).isEmpty();
        assertThat(new TopologyVerifier(aws).differences(Topology.tickflow())).isEmpty();
    }
}
