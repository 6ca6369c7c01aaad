package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Debian's AWS CLI (2.9) and boto3 (1.26) as independent clients: they serialise requests and parse responses with
 * botocore, not with the Java SDK, so they catch wire mistakes the SDK would forgive. Without the tools the test is
 * skipped on a workstation and fails on CI (where {@code CI} is set), so that CI never passes by not running it.
 */
class AwsCliAndBoto3Test {

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDirectory;

    private SecretsManagerEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint =
                SecretsManagerEndpoint.start(SdkClients.freeLoopbackPort(), SdkClients.REGION, SdkClients.ACCOUNT_ID);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void theAwsCliCreatesReadsAndRotatesASecret() throws Exception {
        requireTool(Files.isExecutable(AWS_CLI), "the AWS CLI at " + AWS_CLI + " (Debian package awscli)");

        JsonNode created = aws("create-secret", "--name", "cli/api", "--secret-string", "{\"k\":\"v1\"}");
        assertThat(created.get("ARN").asText())
                .matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:cli/api-[A-Za-z0-9]{6}");

        JsonNode current = aws("get-secret-value", "--secret-id", "cli/api");
        assertThat(current.get("SecretString").asText()).isEqualTo("{\"k\":\"v1\"}");
        assertThat(current.get("VersionId").asText())
                .isEqualTo(created.get("VersionId").asText());
        assertThat(current.get("VersionStages").toString()).isEqualTo("[\"AWSCURRENT\"]");

        JsonNode put = aws("put-secret-value", "--secret-id", "cli/api", "--secret-string", "{\"k\":\"v2\"}");
        assertThat(put.get("VersionStages").toString()).isEqualTo("[\"AWSCURRENT\"]");

        assertThat(aws("get-secret-value", "--secret-id", "cli/api")
                        .get("SecretString")
                        .asText())
                .isEqualTo("{\"k\":\"v2\"}");
        JsonNode previous = aws("get-secret-value", "--secret-id", "cli/api", "--version-stage", "AWSPREVIOUS");
        assertThat(previous.get("SecretString").asText()).isEqualTo("{\"k\":\"v1\"}");

        JsonNode described =
                aws("describe-secret", "--secret-id", created.get("ARN").asText());
        assertThat(described.get("VersionIdsToStages").size()).isEqualTo(2);
        assertThat(described
                        .get("VersionIdsToStages")
                        .get(put.get("VersionId").asText())
                        .toString())
                .isEqualTo("[\"AWSCURRENT\"]");

        Result missing = run(awsCommand("get-secret-value", "--secret-id", "cli/missing"));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFoundException");

        // What the CLI wrote, the Java SDK reads.
        try (SecretsManagerClient sm = SdkClients.secretsManager(endpoint.endpoint())) {
            assertThat(sm.getSecretValue(r -> r.secretId("cli/api")).secretString())
                    .isEqualTo("{\"k\":\"v2\"}");
        }
    }

    @Test
    void boto3SeesVersionsTypedErrorsDatesBinaryValuesAndPages() throws Exception {
        requireTool(Files.isExecutable(PYTHON), "python3 at " + PYTHON);
        requireTool(
                run(List.of(PYTHON.toString(), "-c", "import boto3")).exitCode() == 0,
                "boto3 for " + PYTHON + " (Debian package python3-boto3)");
        Path script = workDirectory.resolve("secrets.py");
        Files.writeString(
                script,
                """
                import json, sys
                import boto3
                from botocore.config import Config

                sm = boto3.client("secretsmanager", endpoint_url=sys.argv[1],
                                  config=Config(retries={"max_attempts": 1}))
                out = {}
                created = sm.create_secret(Name="boto/db", SecretString='{"user":"tick"}',
                                           Tags=[{"Key": "team", "Value": "flow"}])
                out["createdVersionId"] = created["VersionId"]
                sm.put_secret_value(SecretId="boto/db", SecretString='{"user":"flow"}')
                out["current"] = sm.get_secret_value(SecretId="boto/db")["SecretString"]
                previous = sm.get_secret_value(SecretId=created["ARN"], VersionStage="AWSPREVIOUS")
                out["previous"] = previous["SecretString"]
                out["previousVersionId"] = previous["VersionId"]
                out["createdDateType"] = type(previous["CreatedDate"]).__name__

                sm.create_secret(Name="boto/bin", SecretBinary=bytes([0, 1, 254, 255]))
                out["binary"] = list(sm.get_secret_value(SecretId="boto/bin")["SecretBinary"])

                pages = sm.get_paginator("list_secrets").paginate(PaginationConfig={"PageSize": 1})
                out["listed"] = [s["Name"] for page in pages for s in page["SecretList"]]

                try:
                    sm.get_secret_value(SecretId="boto/missing")
                    out["missing"] = "no error"
                except sm.exceptions.ResourceNotFoundException as e:
                    out["missing"] = e.response["Error"]["Code"]

                deleted = sm.delete_secret(SecretId="boto/db", RecoveryWindowInDays=7)
                out["deletionDateType"] = type(deleted["DeletionDate"]).__name__
                try:
                    sm.get_secret_value(SecretId="boto/db")
                    out["whileDeleted"] = "no error"
                except sm.exceptions.InvalidRequestException as e:
                    out["whileDeleted"] = e.response["Error"]["Message"]
                sm.restore_secret(SecretId="boto/db")
                out["restored"] = sm.get_secret_value(SecretId="boto/db")["SecretString"]
                print(json.dumps(out))
                """);

        Result result = run(List.of(
                PYTHON.toString(), script.toString(), endpoint.endpoint().toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode out = JSON.readTree(result.stdout());
        assertThat(out.get("current").asText()).isEqualTo("{\"user\":\"flow\"}");
        assertThat(out.get("previous").asText()).isEqualTo("{\"user\":\"tick\"}");
        assertThat(out.get("previousVersionId").asText())
                .isEqualTo(out.get("createdVersionId").asText());
        assertThat(out.get("createdDateType").asText()).isEqualTo("datetime");
        assertThat(out.get("binary").toString()).isEqualTo("[0,1,254,255]");
        assertThat(out.get("listed").toString()).isEqualTo("[\"boto/db\",\"boto/bin\"]");
        assertThat(out.get("missing").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(out.get("deletionDateType").asText()).isEqualTo("datetime");
        assertThat(out.get("whileDeleted").asText()).contains("marked for deletion");
        assertThat(out.get("restored").asText()).isEqualTo("{\"user\":\"flow\"}");
    }

    private static void requireTool(boolean present, String tool) {
        if (present) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("CI must run the CLI and boto3 checks, but " + tool + " is missing");
        }
        Assumptions.abort("Skipped: " + tool + " is not installed");
    }

    private List<String> awsCommand(String... secretsManagerArgs) {
        List<String> command = new ArrayList<>(List.of(
                AWS_CLI.toString(),
                "--endpoint-url",
                endpoint.endpoint().toString(),
                "--output",
                "json",
                "--no-cli-pager",
                "secretsmanager"));
        command.addAll(List.of(secretsManagerArgs));
        return command;
    }

    private JsonNode aws(String... secretsManagerArgs) throws IOException, InterruptedException {
        Result result = run(awsCommand(secretsManagerArgs));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
        Map<String, String> env = builder.environment();
        // Only what the test sets: a developer's profile, endpoint or session must not leak in.
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", SdkClients.REGION);
        env.put("AWS_CONFIG_FILE", workDirectory.resolve("no-config").toString());
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                workDirectory.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        Path stderr = Files.createTempFile(workDirectory, "stderr", ".txt");
        builder.redirectError(stderr.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("Timed out: " + command);
        }
        return new Result(process.exitValue(), stdout, Files.readString(stderr));
    }
}
