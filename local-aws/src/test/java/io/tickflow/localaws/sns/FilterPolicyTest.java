package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy checks and matching rules that need no network. */
class FilterPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void refusesANestedPolicyOnTheAttributeScopeButNotOnTheBodyScope() {
        String nested = "{\"order\":{\"state\":[\"placed\"]}}";

        assertThatThrownBy(() -> FilterPolicy.compile(nested, FilterPolicy.Scope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(SnsFault.class)
                .hasMessageContaining("does not support nested filter policy");
        assertThat(FilterPolicy.compile(nested, FilterPolicy.Scope.MESSAGE_BODY).scope())
                .isEqualTo(FilterPolicy.Scope.MESSAGE_BODY);
    }

    @Test
    void refusesMalformedPoliciesWithTheReason() {
        assertThatThrownBy(() -> compile("{\"store\":\"example_corp\"}"))
                .hasMessageContaining("must be an object or an array");
        assertThatThrownBy(() -> compile("{\"store\":[{\"bogus\":1}]}"))
                .hasMessageContaining("Unrecognized match type bogus");
        assertThatThrownBy(() -> compile("{\"price\":[{\"numeric\":[\">\",\"ten\"]}]}"))
                .hasMessageContaining("must be numeric");
        assertThatThrownBy(() -> compile("[\"store\"]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> compile("{\"store\":")).hasMessageContaining("failed to parse JSON");
        assertThatThrownBy(() -> compile("{\"store\":[{\"wildcard\":\"ex*\"}]}"))
                .hasMessageContaining("Unrecognized match type wildcard");
    }

    @Test
    void enforcesSnsLimitsOnKeysAndCombinations() {
        assertThatThrownBy(() -> compile("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}"))
                .hasMessageContaining("more than 5 keys");
        assertThatThrownBy(() -> compile("{\"a\":[1,2,3,4,5,6],\"b\":[1,2,3,4,5],\"c\":[1,2,3,4,5,6]}"))
                .hasMessageContaining("too complex");
        assertThat(compile("{\"a\":[1,2,3,4,5],\"b\":[1,2,3,4,5],\"c\":[1,2,3,4,5,6]}"))
                .isNotNull();
    }

    @Test
    void matchesNumberAttributesNumericallyWhateverTheirNotation() {
        FilterPolicy policy = compile("{\"price\":[100],\"size\":[{\"numeric\":[\">=\",1000]}]}");

        assertThat(policy.admits(attributes("price", "Number", "1.00E2", "size", "Number", "1e3")))
                .isTrue();
        assertThat(policy.admits(attributes("price", "Number", "100.000", "size", "Number", "999.99")))
                .isFalse();
        assertThat(policy.admits(attributes("price", "String", "100", "size", "Number", "1000")))
                .as("a String attribute never equals a number")
                .isFalse();
    }

    @Test
    void admitsNothingWithoutAnEvent() throws Exception {
        FilterPolicy body = FilterPolicy.compile("{\"a\":[{\"exists\":false}]}", FilterPolicy.Scope.MESSAGE_BODY);

        assertThat(body.admits(JSON.readTree("{\"b\":1}"))).isTrue();
        assertThat(body.admits(null)).isFalse();
    }

    private static FilterPolicy compile(String json) {
        return FilterPolicy.compile(json, FilterPolicy.Scope.MESSAGE_ATTRIBUTES);
    }

    private static com.fasterxml.jackson.databind.JsonNode attributes(String... nameTypeValue) {
        List<MessageAttribute> attributes = new java.util.ArrayList<>();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            attributes.add(new MessageAttribute(nameTypeValue[i], nameTypeValue[i + 1], nameTypeValue[i + 2]));
        }
        return MessageAttributes.filterView(attributes);
    }
}
