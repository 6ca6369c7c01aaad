package io.tickflow.common.topology;

import java.util.List;
import java.util.Objects;

/**
 * A Secrets Manager secret holding a JSON object of configuration properties, which a service imports with
 * {@code spring.config.import=aws-secretsmanager:<name>}.
 *
 * <p>Where Tickflow provisions the secret itself (the embedded stack, LocalStack), each listed key gets fresh random
 * key material; nothing secret is ever kept in the repository. In AWS the operator creates the secret.
 *
 * @param name the secret name, prefix included
 * @param generatedKeys property names whose values are random 256-bit keys, Base64-encoded
 */
public record SecretSpec(String name, List<String> generatedKeys) {
    public SecretSpec {
        Objects.requireNonNull(name, "name");
        generatedKeys = List.copyOf(generatedKeys);
    }
}
