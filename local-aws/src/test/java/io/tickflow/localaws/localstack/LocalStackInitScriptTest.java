package io.tickflow.localaws.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAws;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.provision.TopologyVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackInitScriptTest {

    private static final Path SCRIPT = Path.of("..").resolve(LocalStackInitScript.LOCATION);
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @Test
    void theCheckedInHookIsWhatTheTopologyRenders() throws IOException {
        assertThat(Files.readString(SCRIPT))
                .as("%s differs from the topology; regenerate it with ./tickflow generate localstack-init", SCRIPT)
                .isEqualTo(LocalStackInitScript.render(Topology.tickflow()));
        assertThat(Files.isExecutable(SCRIPT)).as("%s is executable", SCRIPT).isTrue();
    }

    @Test
    void dockerComposeRunsTheSameLocalStackAndMountsTheHook() throws IOException {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));

        assertThat(compose)
                .contains("image: " + LocalStackInitScript.IMAGE)
                .contains("./localstack-init/ready.d:/etc/localstack/init/ready.d");
    }

    @Test
    void theHookCreatesTheWholeTopologyAndCanRunTwice(@TempDir Path bin) throws Exception {
        requireAwsCli();
        try (LocalAws stack = LocalAws.start(LocalAws.Options.forTests().withoutProvisioning());
                LocalAwsClients aws = new LocalAwsClients(stack.endpoints())) {
            assertThat(new TopologyVerifier(aws).differences(Topology.tickflow()))
                    .as("nothing exists before the hook runs")
                    .isNotEmpty();
            Path awslocal = writeAwslocal(bin, stack.endpoints());

            runHook(bin, awslocal);
            assertThat(new TopologyVerifier(aws).differences(Topology.tickflow()))
                    .isEmpty();

            runHook(bin, awslocal);
            assertThat(new TopologyVerifier(aws).differences(Topology.tickflow()))
                    .isEmpty();
            assertThat(aws.sns().listSubscriptions().subscriptions())
                    .hasSize(Topology.tickflow().subscriptions().size());
        }
    }

    /**
     * LocalStack's awslocal is the AWS CLI with LocalStack's endpoint; this one points at the embedded stack. S3Proxy
     * implements no lifecycle API, so that one call succeeds without effect here; the LocalStack contract test runs it
     * for real.
     */
    private static Path writeAwslocal(Path bin, Endpoints endpoints) throws IOException {
        Path awslocal = bin.resolve("awslocal");
        Files.writeString(
                awslocal,
                """
                #!/usr/bin/env bash
                if [ "$1 $2" = "s3api put-bucket-lifecycle-configuration" ]; then exit 0; fi
                case "$1" in
                  sqs) url=%s ;;
                  sns) url=%s ;;
                  s3|s3api) url=%s ;;
                  dynamodb) url=%s ;;
                  secretsmanager) url=%s ;;
                  *) echo "awslocal: no endpoint for $1" >&2; exit 2 ;;
                esac
                exec %s --endpoint-url "$url" "$@"
                """
                        .formatted(
                                endpoints.sqs(),
                                endpoints.sns(),
                                endpoints.s3(),
                                endpoints.dynamodb(),
                                endpoints.secretsManager(),
                                AWS_CLI));
        assertThat(awslocal.toFile().setExecutable(true)).isTrue();
        return awslocal;
    }

    private static void runHook(Path bin, Path awslocal) throws Exception {
        ProcessBuilder hook = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        hook.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        hook.environment().put("AWS_ACCESS_KEY_ID", Endpoints.ACCESS_KEY_ID);
        hook.environment().put("AWS_SECRET_ACCESS_KEY", Endpoints.SECRET_ACCESS_KEY);
        hook.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        hook.environment().put("AWS_PAGER", "");
        Process process = hook.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("hook output:%n%s", output).isZero();
        assertThat(output).contains("tickflow: topology ready");
    }

    private static void requireAwsCli() {
        if (!Files.isExecutable(AWS_CLI)) {
            if (System.getenv("CI") != null) {
                fail("CI must install Debian's awscli (apt-get install awscli): .ci/run does");
            }
            assumeTrue(false, "Debian's awscli is not installed (apt-get install awscli)");
        }
    }
}
