package io.tickflow.analysis.report;

import io.tickflow.common.contract.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * The JSON form of a {@link StudyReport} ({@code tickflow.analysis-report.v1}), for programs that read studies back.
 *
 * <p>It is written with Tickflow's contract settings ({@link ContractJson}): decimals as exact strings, times as
 * ISO-8601, absent optional values left out. One addition: a {@code double} that is not a number (an infeasible
 * trial's value) is written as {@code null}, not as the string {@code "NaN"} Jackson would write, which most JSON
 * readers take for text; {@code null} is read back as NaN. The top-level {@code schema} field names the version.
 */
public final class ReportJson {

    /** The wire name of the report's JSON form, in its top-level {@code schema} field. */
    public static final String SCHEMA = "tickflow.analysis-report.v1";

    private static final JsonMapper MAPPER = ContractJson.builder()
            .addModule(new SimpleModule("tickflow-report")
                    .addSerializer(Double.class, new NanAsNull())
                    .addSerializer(Double.TYPE, new NanAsNull())
                    .addDeserializer(Double.class, new NullAsNan())
                    .addDeserializer(Double.TYPE, new NullAsNan()))
            .build();

    private ReportJson() {}

    /** The report as UTF-8 JSON, {@code schema} first. */
    public static byte[] write(StudyReport report) {
        ObjectNode document = MAPPER.createObjectNode().put("schema", SCHEMA);
        document.setAll((ObjectNode) MAPPER.valueToTree(report));
        return MAPPER.writeValueAsBytes(document);
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws IllegalArgumentException if the document is not a {@value #SCHEMA} report
     * @throws JacksonException if it is not JSON or does not describe a valid report
     */
    public static StudyReport read(byte[] json) {
        JsonNode document = MAPPER.readTree(json);
        JsonNode schema = document.get("schema");
        if (schema == null || !SCHEMA.equals(schema.asString(""))) {
            throw new IllegalArgumentException("Not a " + SCHEMA + " document: schema is " + schema);
        }
        return MAPPER.treeToValue(document, StudyReport.class);
    }

    private static final class NanAsNull extends StdScalarSerializer<Double> {

        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            if (value.isNaN()) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }

    private static final class NullAsNan extends StdScalarDeserializer<Double> {

        NullAsNan() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                default -> (Double) context.handleUnexpectedToken(Double.class, parser);
            };
        }

        @Override
        public Double getNullValue(DeserializationContext context) {
            return Double.NaN;
        }
    }
}
