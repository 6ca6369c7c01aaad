package io.tickflow.localaws.contract;

import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.localstack.LocalStackInitScript;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.MountableFile;

/** The same contract on LocalStack, with the generated ready-hook mounted as docker compose mounts it. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTopologyContractTest extends TopologyContract {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(LocalStackInitScript.IMAGE)
            .withServices("sqs", "sns", "s3", "dynamodb", "secretsmanager")
            .withCopyFileToContainer(
                    MountableFile.forHostPath(Path.of("..").resolve(LocalStackInitScript.LOCATION), 0755),
                    "/etc/localstack/init/ready.d/init-tickflow.sh")
            .waitingFor(
                    Wait.forLogMessage(".*tickflow: topology ready.*", 1).withStartupTimeout(Duration.ofMinutes(3)));

    private static LocalAwsClients aws;

    @BeforeAll
    static void connect() {
        URI endpoint = LOCALSTACK.getEndpoint();
        aws = new LocalAwsClients(
                new Endpoints(endpoint, endpoint, endpoint, endpoint, endpoint, LOCALSTACK.getRegion()));
    }

    @AfterAll
    static void disconnect() {
        aws.close();
    }

    @Override
    LocalAwsClients aws() {
        return aws;
    }
}
