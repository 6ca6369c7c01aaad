package io.tickflow.localaws.contract;

import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;

class EmbeddedTopologyContractTest extends TopologyContract {

    @Override
    LocalAwsClients aws() {
        return LocalAwsExtension.sharedClients();
    }
}
