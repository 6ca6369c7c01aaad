package io.tickflow.common.contract;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The contracts' JSON Schemas as an independent validator reads them: networknt's draft 2020-12 implementation, on
 * Jackson 2, with {@code format} asserted (draft 2020-12 only annotates it by default).
 */
final class ContractSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<Contract, JsonSchema> SCHEMAS = new EnumMap<>(Contract.class);

    private ContractSchemas() {}

    /** What is wrong with {@code json} according to the contract's schema; empty when it is valid. */
    static List<String> violations(Contract contract, String json) {
        return schema(contract).validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    private static synchronized JsonSchema schema(Contract contract) {
        return SCHEMAS.computeIfAbsent(contract, c -> {
            try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(c.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No schema on the classpath at " + c.schemaResource());
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
