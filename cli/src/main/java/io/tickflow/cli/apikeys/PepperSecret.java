package io.tickflow.cli.apikeys;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.Topology;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The pepper notification-service hashes API keys with: the {@value #PROPERTY} field of the JSON secret that the
 * service imports as configuration ({@code tickflow/notification-service}). The CLI hashes with the same pepper, or the
 * service would never recognise the keys it issues.
 */
final class PepperSecret {

    static final String PROPERTY = "tickflow.notify.api-key-pepper";

    private final SecretsManagerClient secretsManager;
    private final String secretName;

    PepperSecret(SecretsManagerClient secretsManager, Topology topology) {
        this.secretsManager = secretsManager;
        this.secretName = topology.secrets().stream()
                .filter(secret -> secret.generatedKeys().contains(PROPERTY))
                .map(SecretSpec::name)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The topology names the secret holding " + PROPERTY));
    }

    String name() {
        return secretName;
    }

    /**
     * The pepper.
     *
     * @throws ApiKeysFailure if the secret does not exist or holds no pepper
     */
    String read() throws ApiKeysFailure {
        String json;
        try {
            json = secretsManager.getSecretValue(r -> r.secretId(secretName)).secretString();
        } catch (ResourceNotFoundException missing) {
            throw new ApiKeysFailure("the secret " + secretName + " does not exist; is ./tickflow up running (in AWS,"
                    + " the operator creates it with the field " + PROPERTY + ")?");
        }
        JsonNode pepper;
        try {
            pepper = json == null ? null : ContractJson.mapper().readTree(json).get(PROPERTY);
        } catch (JacksonException notJson) {
            throw new ApiKeysFailure("the secret " + secretName + " is not a JSON object");
        }
        if (pepper == null || !pepper.isString() || pepper.asString().isEmpty()) {
            throw new ApiKeysFailure("the secret " + secretName + " has no " + PROPERTY + " field");
        }
        return pepper.asString();
    }
}
