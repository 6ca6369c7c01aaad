package io.tickflow.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryFailure;
import io.tickflow.notify.delivery.DeliveryIds;
import io.tickflow.notify.subscription.Channel;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tickflow", "s3cret"));

    private static final Instant NOW = Instant.parse("2024-03-01T09:33:13Z");
    private static final String FROM = "Tickflow <notifications@tickflow.example>";

    @Test
    void sendsAnAnalysisResultAsPlainTextAndHtml() throws Exception {
        Delivery delivery = delivery(example(Contract.ANALYSIS_COMPLETED, "sma-crossover-sharpe.json"));

        channel().deliver(delivery);

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject())
                .isEqualTo("[Tickflow] AnalysisCompleted: sma-crossover on BTC-USD, sharpe 1.58");
        assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("alice@example.com"));
        assertThat(received.getHeader(EmailChannel.DELIVERY_ID_HEADER)).containsExactly(delivery.deliveryId());
        assertThat(received.getMessageID()).isEqualTo("<" + delivery.deliveryId() + "@tickflow.example>");
        assertThat(received.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat((String) text.getContent())
                .contains("sma-crossover on BTC-USD (bitstamp, 1h) finished")
                .contains("Objective: sharpe 1.5821")
                .contains("Best parameters: fast=20, slow=120, stopLoss=0.05")
                .contains("Report: https://tickflow-data.s3.amazonaws.com/analytics/BTC-USD/sma-crossover/"
                        + "job-8f14e45f-ceea-467a-9575-6a3f2c1b0e9d/report.html")
                .contains("Sent by Tickflow for subscription sub-alice-mail.");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) html.getContent())
                .contains("<th align=\"left\" style=\"padding-right: 1em\">Objective</th><td>sharpe 1.5821</td>")
                .contains("<a href=\"https://tickflow-data.s3.amazonaws.com/analytics/BTC-USD/sma-crossover/"
                        + "job-8f14e45f-ceea-467a-9575-6a3f2c1b0e9d/report.html\">");
    }

    @Test
    void saysWhyAnAnalysisFailed() throws Exception {
        channel().deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json")));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject()).isEqualTo("[Tickflow] AnalysisFailed: rsi-reversion on ETH-USD, NO_DATA");
        assertThat(textPart(received))
                .contains("Reason: There are no 5m candles of ETH-USD on bitstamp between 2023-03-13T00:00:00Z and"
                        + " 2023-03-15T00:00:00Z; ingest or backfill them first.");
    }

    @Test
    void saysWhichConditionAPriceAlertMetAndAtWhatPrice() throws Exception {
        channel().deliver(delivery(example(Contract.PRICE_ALERT_TRIGGERED, "btc-crosses-above-30000.json")));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject())
                .isEqualTo("[Tickflow] PriceAlertTriggered: BTC-USD crosses-above 30000 at 30000.01");
        assertThat(textPart(received))
                .contains("Condition: crosses-above 30000")
                .contains("Price: 30000.01");
    }

    @Test
    void escapesEveryValueInTheHtmlAndKeepsTheSubjectOnOneLine() throws Exception {
        AnalysisFailed hostile = new AnalysisFailed(
                UUID.randomUUID(),
                NOW,
                "job-1",
                UUID.randomUUID(),
                "BTC-USD",
                "sma\r\nBcc: mallory@evil.example",
                "NO_DATA",
                "<script>alert(\"x\")</script> & 'more'");

        channel().deliver(delivery(hostile));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject())
                .isEqualTo("[Tickflow] AnalysisFailed: sma Bcc: mallory@evil.example on BTC-USD, NO_DATA");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(htmlPart(received))
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;")
                .doesNotContain("<script>");
        assertThat(textPart(received)).contains("Reason: <script>alert(\"x\")</script> & 'more'");
    }

    @Test
    void showsAnEventItDoesNotKnowAsEscapedJson() throws Exception {
        var event = ContractJson.mapper()
                .createObjectNode()
                .put("schema", "tickflow.something-new.v1")
                .put("note", "<b>");
        Notification notification = new Notification(UUID.randomUUID(), NOW, "sub-alice-mail", "SomethingNew", event);

        channel()
                .deliver(new Delivery(
                        notification.eventId().toString(),
                        UUID.randomUUID(),
                        "alice",
                        "sub-alice-mail",
                        new Channel.Email("alice@example.com"),
                        notification));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject()).isEqualTo("[Tickflow] SomethingNew");
        assertThat(htmlPart(received)).contains("<pre>").contains("&quot;note&quot; : &quot;&lt;b&gt;&quot;");
        assertThat(textPart(received)).contains("\"note\" : \"<b>\"");
    }

    @Test
    void logsInWhenConfiguredAndTakesAWrongPasswordAsPermanent() throws Exception {
        channel("tickflow", "s3cret").deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json")));
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        assertThatThrownBy(() -> channel("tickflow", "wrong")
                        .deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json"))))
                .isInstanceOfSatisfying(
                        DeliveryFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageStartingWith("SMTP server answered 535");
    }

    @Test
    void aServerThatIsDownIsARetryableFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        EmailChannel channel = new EmailChannel(EmailSettings.unauthenticated(
                "127.0.0.1", closedPort, FROM, Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> channel.deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json"))))
                .isInstanceOfSatisfying(
                        DeliveryFailure.class, f -> assertThat(f.retryable()).isTrue())
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aServerThatNeverAnswersIsARetryableFailureAfterTheTimeout() throws Exception {
        // Connections queue in the backlog and are never answered.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            EmailChannel channel = new EmailChannel(EmailSettings.unauthenticated(
                    "127.0.0.1", silent.getLocalPort(), FROM, Duration.ofSeconds(2), Duration.ofMillis(200)));

            assertThatThrownBy(() -> channel.deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json"))))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable())
                            .isTrue());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "550 5.1.1 No such user here, false",
        "553 5.1.3 Bad recipient address syntax, false",
        "450 4.2.1 Mailbox busy, true",
        "452 4.2.2 Mailbox full, true"
    })
    void retriesWhatTheServerSaysIsTransientOnly(String recipientReply, boolean retryable) throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(recipientReply)) {
            EmailChannel channel = new EmailChannel(EmailSettings.unauthenticated(
                    "127.0.0.1", server.port(), FROM, Duration.ofSeconds(2), Duration.ofSeconds(2)));

            assertThatThrownBy(() -> channel.deliver(delivery(example(Contract.ANALYSIS_FAILED, "no-data.json"))))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable())
                            .isEqualTo(retryable))
                    .hasMessage("SMTP server answered " + recipientReply);
        }
    }

    @Test
    void handlesEmailOnly() {
        EmailChannel channel = channel();

        assertThat(channel.handles(new Channel.Email("alice@example.com"))).isTrue();
        assertThat(channel.handles(new Channel.Webhook(URI.create("https://example.com/hook"))))
                .isFalse();
    }

    private static EmailChannel channel() {
        return new EmailChannel(EmailSettings.unauthenticated(
                smtp.getSmtp().getBindTo(),
                smtp.getSmtp().getPort(),
                FROM,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5)));
    }

    private static EmailChannel channel(String username, String password) {
        return new EmailChannel(new EmailSettings(
                smtp.getSmtp().getBindTo(),
                smtp.getSmtp().getPort(),
                FROM,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                username,
                password,
                false));
    }

    private static ContractEvent example(Contract contract, String name) {
        String json = contract.examples().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow()
                .json();
        return (ContractEvent) ContractJson.mapper().readValue(json, contract.recordType());
    }

    private static Delivery delivery(ContractEvent event) {
        UUID id = DeliveryIds.of("sub-alice-mail", event.eventId());
        return new Delivery(
                id.toString(),
                event.eventId(),
                "alice",
                "sub-alice-mail",
                new Channel.Email("alice@example.com"),
                Notification.of(id, NOW, "sub-alice-mail", event));
    }

    private static MimeMessage onlyMessage() {
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        return smtp.getReceivedMessages()[0];
    }

    private static String textPart(MimeMessage message) throws Exception {
        return part(message, 0);
    }

    private static String htmlPart(MimeMessage message) throws Exception {
        return part(message, 1);
    }

    private static String part(MimeMessage message, int index) throws IOException, jakarta.mail.MessagingException {
        return (String)
                ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
    }
}
