package io.tickflow.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.topology.SubscriptionSpec;
import io.tickflow.common.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The list of contracts agrees with the schema files, the examples and the topology's filter policies. */
class ContractRegistryTest {

    @ParameterizedTest
    @EnumSource(Contract.class)
    void everyContractHasADraft202012SchemaAndAtLeastOneExample(Contract contract) throws IOException {
        JsonNode schema = schemaOf(contract);

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(contract.examples()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void everySchemaPinsTheSchemaPropertyToTheContractsName(Contract contract) throws IOException {
        List<String> consts = new ArrayList<>();
        collectSchemaConsts(schemaOf(contract), consts);

        assertThat(consts).isNotEmpty().containsOnly(contract.schemaName());
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void everyContractIsFoundByItsNameItsEventTypeAndItsRecord(Contract contract) {
        assertThat(Contract.bySchemaName(contract.schemaName())).contains(contract);
        contract.eventType().ifPresent(eventType -> assertThat(Contract.byEventType(eventType))
                .contains(contract));
        assertThat(Contract.of(contract.recordType())).isEqualTo(contract);
        assertThat(contract.schemaName()).endsWith(".v" + contract.version());
    }

    @Test
    void wireNamesAndEventTypesAreUniqueAndNeverJavaClassNames() {
        List<String> names =
                Arrays.stream(Contract.values()).map(Contract::schemaName).toList();
        List<String> eventTypes = Arrays.stream(Contract.values())
                .flatMap(c -> c.eventType().stream())
                .toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.startsWith("tickflow."));
        assertThat(eventTypes).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Contract.values()).map(c -> c.recordType().getName()))
                .doesNotContainAnyElementsOf(names)
                .doesNotContainAnyElementsOf(eventTypes);
    }

    @Test
    void everyContractUsersWriteByHandHasInvalidExamples() {
        assertThat(Contract.TICK_BATCH.invalidExamples())
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(example -> assertThat(example.name()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.json"));
    }

    @Test
    void unknownNamesAndTypesAreNotFound() {
        assertThat(Contract.bySchemaName("tickflow.tick-batch.v2")).isEmpty();
        assertThat(Contract.byEventType("io.tickflow.common.contract.market.CandleClosed"))
                .isEmpty();
        assertThat(Contract.byEventType("AnalysisRequested")).contains(Contract.ANALYSIS_REQUEST);
        assertThatThrownBy(() -> Contract.of(ContractMessage.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventTypeInTheTopologysFilterPoliciesIsAContract() {
        Set<String> known = Arrays.stream(Contract.values())
                .flatMap(c -> c.eventType().stream())
                .collect(Collectors.toSet());
        List<String> filtered = new ArrayList<>();
        for (SubscriptionSpec subscription : Topology.tickflow().subscriptions()) {
            subscription
                    .filterPolicy()
                    .map(policy -> ContractJson.mapper().readTree(policy).get(MessageAttributes.EVENT_TYPE))
                    .ifPresent(eventTypes -> eventTypes.values().forEach(v -> filtered.add(v.stringValue())));
        }

        assertThat(filtered).isNotEmpty();
        assertThat(known).containsAll(filtered);
    }

    @Test
    void filterPoliciesMatchOnlyAttributesThatMessagesCarry() throws IllegalAccessException {
        Set<String> attributeNames = new HashSet<>();
        for (Field field : MessageAttributes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                attributeNames.add((String) field.get(null));
            }
        }
        for (SubscriptionSpec subscription : Topology.tickflow().subscriptions()) {
            subscription.filterPolicy().ifPresent(policy -> {
                JsonNode conditions = ContractJson.mapper().readTree(policy);
                assertThat(conditions.propertyNames()).as(policy).isSubsetOf(attributeNames);
                JsonNode datasets = conditions.get(MessageAttributes.DATASET);
                if (datasets != null) {
                    datasets.values().forEach(d -> assertThat(Dataset.fromWireName(d.stringValue()))
                            .as(policy)
                            .isPresent());
                }
            });
        }
    }

    @Test
    void examplesAreListedFromTheCommonJarAsFromAFolder(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("common.jar");
        ClassLoader classpath = ContractRegistryTest.class.getClassLoader();
        List<String> resources = new ArrayList<>();
        resources.add(Contract.TICK_BATCH.schemaResource());
        Contract.TICK_BATCH.examples().forEach(e -> resources.add(e.resource()));
        Contract.TICK_BATCH.invalidExamples().forEach(e -> resources.add(e.resource()));
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            for (String resource : resources) {
                entries.putNextEntry(new JarEntry(resource));
                try (InputStream in = classpath.getResourceAsStream(resource)) {
                    in.transferTo(entries);
                }
                entries.closeEntry();
            }
        }

        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<ContractExample> fromJar =
                    ContractExample.load(Contract.TICK_BATCH, Contract.TICK_BATCH.examplesResource(), jarOnly);
            List<ContractExample> invalidFromJar = ContractExample.load(
                    Contract.TICK_BATCH, Contract.TICK_BATCH.examplesResource() + "invalid/", jarOnly);

            assertThat(fromJar).isEqualTo(Contract.TICK_BATCH.examples());
            assertThat(invalidFromJar).isEqualTo(Contract.TICK_BATCH.invalidExamples());
        }
    }

    @Test
    void recordsNameTheirContract() {
        assertThat(Contract.of(TickBatch.class).schemaName()).isEqualTo(TickBatch.SCHEMA);
        assertThat(Contract.of(AnalysisCompleted.class).eventType()).contains("AnalysisCompleted");
    }

    private static JsonNode schemaOf(Contract contract) throws IOException {
        try (InputStream in =
                ContractRegistryTest.class.getClassLoader().getResourceAsStream(contract.schemaResource())) {
            assertThat(in).as(contract.schemaResource()).isNotNull();
            return ContractJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The {@code const} of every {@code "schema"} property declared anywhere in a schema. */
    private static void collectSchemaConsts(JsonNode node, List<String> consts) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null
                    && properties.has("schema")
                    && properties.get("schema").has("const")) {
                consts.add(properties.get("schema").get("const").stringValue());
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectSchemaConsts(child.getValue(), consts);
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> collectSchemaConsts(child, consts));
        }
    }
}
