package io.tickflow.localaws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.1 wire format, seen as a client without an SDK sees it. */
class SecretsManagerProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:15:30.123Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SecretsManagerEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = SecretsManagerEndpoint.start(
                SdkClients.freeLoopbackPort(),
                new SecretStore(SdkClients.REGION, SdkClients.ACCOUNT_ID, clock, SecretPersistence.inMemory()));
    }

    @AfterEach
    void stop() {
        http.close();
        endpoint.close();
    }

    private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void endpointIsALoopbackHttpUri() {
        URI uri = endpoint.endpoint();

        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();
    }

    @Test
    void datesAreEpochSecondsWithMillisecondsAndAbsentMembersAreLeftOut() throws Exception {
        post("secretsmanager.CreateSecret", "{\"Name\":\"wire\",\"SecretString\":\"v\"}");

        HttpResponse<String> response = post("secretsmanager.GetSecretValue", "{\"SecretId\":\"wire\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("CreatedDate").isNumber()).isTrue();
        assertThat(body.get("CreatedDate").decimalValue()).isEqualByComparingTo("1772360130.123");
        assertThat(body.get("VersionId").asText()).hasSize(36);
        assertThat(body.has("SecretBinary")).isFalse();
    }

    @Test
    void errorsCarryTheirTypeInBodyAndHeader() throws Exception {
        HttpResponse<String> response = post("secretsmanager.GetSecretValue", "{\"SecretId\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(body.get("message").asText()).contains("can't find the specified secret");
    }

    @Test
    void anUnknownOperationIsNamedInTheError() throws Exception {
        HttpResponse<String> response = post("secretsmanager.RotateSecret", "{\"SecretId\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.get("message").asText()).contains("RotateSecret").contains("GetSecretValue");
    }

    @Test
    void aRequestForAnotherServiceOrWithoutTargetIsRefused() throws Exception {
        JsonNode foreign =
                JSON.readTree(post("DynamoDB_20120810.ListTables", "{}").body());
        JsonNode none = JSON.readTree(post(null, "{}").body());

        assertThat(foreign.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(foreign.get("message").asText()).contains("DynamoDB_20120810.ListTables");
        assertThat(none.get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = post("secretsmanager.GetSecretValue", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMissingRequiredMemberIsAValidationError() throws Exception {
        HttpResponse<String> response = post("secretsmanager.GetSecretValue", "");

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body.get("message").asText()).contains("secretId");
    }

    @Test
    void getIsNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void closingTwiceIsHarmlessAndTheEndpointStopsAnswering() {
        endpoint.close();
        endpoint.close();

        assertThatThrownBy(() -> post("secretsmanager.ListSecrets", "{}")).isInstanceOf(IOException.class);
    }
}
