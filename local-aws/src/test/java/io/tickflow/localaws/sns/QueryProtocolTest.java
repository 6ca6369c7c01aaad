package io.tickflow.localaws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query-protocol plumbing: form parsing in, XML out. */
class QueryProtocolTest {

    @Test
    void regroupsMapsListsAndMessageAttributesFromDottedNames() {
        QueryRequest request = QueryRequest.parse("Action=Subscribe&Attributes.entry.2.key=FilterPolicy"
                + "&Attributes.entry.2.value=%7B%22a%22%3A%5B%22b+c%22%5D%7D"
                + "&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=ingest"
                + "&MessageAttributes.entry.1.Name=price&MessageAttributes.entry.1.Value.DataType=Number"
                + "&MessageAttributes.entry.1.Value.StringValue=1.5&TagKeys.member.2=b&TagKeys.member.1=a&Empty");

        assertThat(request.get("Action")).isEqualTo("Subscribe");
        assertThat(request.get("Empty")).isEmpty();
        assertThat(request.map("Attributes"))
                .containsExactly(
                        Map.entry("RawMessageDelivery", "true"), Map.entry("FilterPolicy", "{\"a\":[\"b c\"]}"));
        assertThat(request.members("Tags")).singleElement().satisfies(tag -> {
            assertThat(tag.get("Key")).isEqualTo("team");
            assertThat(tag.get("Value")).isEqualTo("ingest");
        });
        assertThat(MessageAttributes.read(request)).containsExactly(new MessageAttribute("price", "Number", "1.5"));
        assertThat(request.strings("TagKeys")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void decodesValuesAsTheJdkDecoderDoes() {
        String message = "{\"price\":\"1.5\",\"note\":\"a+b c&d=e %  é 中 \uD83D\uDE00\"}";
        String encoded = URLEncoder.encode(message, StandardCharsets.UTF_8);

        assertThat(QueryRequest.parse("Action=Publish&Message=" + encoded).get("Message"))
                .isEqualTo(message);
        assertThat(QueryRequest.parse("Message=%e4%b8%AD+%41").get("Message")).isEqualTo("中 A");
        assertThat(QueryRequest.parse("Message=raw é%20x").get("Message")).isEqualTo("raw é x");
    }

    @Test
    void refusesTruncatedPercentEscapesAsASenderFault() {
        for (String form : List.of("Message=%4", "Message=%zz", "Message=a%")) {
            assertThatThrownBy(() -> QueryRequest.parse(form))
                    .as(form)
                    .isInstanceOf(SnsFault.class)
                    .satisfies(e -> assertThat(((SnsFault) e).code()).isEqualTo("MalformedQueryString"));
        }
    }

    @Test
    void refusesMalformedPercentEncodingAsASenderFault() {
        assertThatThrownBy(() -> QueryRequest.parse("Action=Publish&Message=100%"))
                .isInstanceOf(SnsFault.class)
                .satisfies(e -> assertThat(((SnsFault) e).code()).isEqualTo("MalformedQueryString"));
    }

    @Test
    void escapesTextSoThatEveryXmlParserReadsItBack() {
        String xml = XmlWriter.response("GetTopicAttributes")
                .map("Attributes", Map.of("DisplayName", "a<b & \"c\"\r\nd\u0001"))
                .finish("request-1");

        assertThat(xml)
                .contains("<value>a&lt;b &amp; &quot;c&quot;&#xD;\nd\uFFFD</value>")
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GetTopicAttributesResponse xmlns=\""
                        + XmlWriter.NAMESPACE + "\"><GetTopicAttributesResult>")
                .endsWith("</GetTopicAttributesResult><ResponseMetadata><RequestId>request-1</RequestId>"
                        + "</ResponseMetadata></GetTopicAttributesResponse>");
    }

    @Test
    void writesErrorsInTheShapeSdksMapToTypedExceptions() {
        assertThat(XmlWriter.error(SnsFault.notFound("Topic does not exist"), "r-2"))
                .contains("<ErrorResponse xmlns=\"" + XmlWriter.NAMESPACE + "\">")
                .contains(
                        "<Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>")
                .contains("<RequestId>r-2</RequestId></ErrorResponse>");
    }
}
