package io.tickflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.ingest.IngestServiceApplication;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.localaws.junit.UserShell;
import io.tickflow.testing.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's examples of publishing to the ingest queue, run as a user runs them: Debian's aws CLI after
 * {@code eval "$(./tickflow env)"}, and a boto3 script.
 */
class ReadmeClientsTest {

    private static final Path README = Path.of("..", "README.md");
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(IngestServiceApplication.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theAwsCliExampleInTheReadmeIsIngested() throws Exception {
        requireExecutable("/usr/bin/aws", "awscli");
        String example = fenced("```bash ingest-cli");
        QueueDrainer drainer = new QueueDrainer(LocalAwsExtension.sharedClients());
        drainer.drain(Topology.tickflow().queue("storage-ticks"), Duration.ofSeconds(1));

        run("eval \"$(../tickflow env)\"\n" + example);

        assertThat(awaitSymbols(drainer, 3)).contains("BTC-USD", "AAPL");
    }

    @Test
    void theBoto3ExampleInTheReadmeIsIngested() throws Exception {
        requireExecutable("/usr/bin/python3", "python3-boto3");
        String example = fenced("```python ingest-boto3");
        QueueDrainer drainer = new QueueDrainer(LocalAwsExtension.sharedClients());
        drainer.drain(Topology.tickflow().queue("storage-ticks"), Duration.ofSeconds(1));

        Path script = Files.createTempFile("ingest", ".py");
        Files.writeString(script, example);
        run("eval \"$(../tickflow env)\"\n/usr/bin/python3 " + script);

        assertThat(awaitSymbols(drainer, 1)).contains("ETH-USD");
    }

    private static List<String> awaitSymbols(QueueDrainer drainer, int events) {
        List<String> symbols = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            drainer.drainBodies(Topology.tickflow().queue("storage-ticks"), Duration.ofSeconds(1)).stream()
                    .map(b -> ContractJson.mapper()
                            .readValue(b, TicksAccepted.class)
                            .symbol())
                    .forEach(symbols::add);
            return symbols.size() >= events;
        });
        return symbols;
    }

    /** The body of the README's fenced block that opens with {@code opening}. */
    private static String fenced(String opening) throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf(opening + "\n");
        assertThat(start).as("README.md has a block opening with %s", opening).isNotNegative();
        int from = start + opening.length() + 1;
        return readme.substring(from, readme.indexOf("```", from));
    }

    private static void run(String script) throws Exception {
        UserShell.run(LocalAwsExtension.shared().endpoints(), script);
    }

    private static void requireExecutable(String path, String debianPackage) {
        boolean present = Files.isExecutable(Path.of(path));
        if (present && path.endsWith("python3")) {
            try {
                present = new ProcessBuilder(path, "-c", "import boto3").start().waitFor() == 0;
            } catch (java.io.IOException | InterruptedException e) {
                present = false;
            }
        }
        if (!present) {
            if (System.getenv("CI") != null) {
                fail("CI must install Debian's " + debianPackage + ": .ci/run does");
            }
            assumeTrue(false, "Debian's " + debianPackage + " is not installed");
        }
    }
}
