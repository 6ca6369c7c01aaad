package io.tickflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.notify.webhook.WebhookSecrets.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final long T = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnHmacComputedOutsideJava() {
        // openssl dgst -sha256 -hmac whsec_current <<< '1700000000.{"hello":"world"}' (without the newline), and the
        // same with whsec_previous.
        String header = WebhookSignature.sign(new Secrets("whsec_current", "whsec_previous"), T, BODY)
                .headerValue();

        assertThat(header)
                .isEqualTo("t=1700000000"
                        + ",v1=eeb97dd673209da5938a3bdab088f4d957825c95300f081f2359c86135b6a55f"
                        + ",v1=c0017d67f11ea527e3ea5a03bedb53991744803b2f1d2d2a799f310d63388f1b");
    }

    @Test
    void aReceiverWithTheSecretVerifiesTheDelivery() throws Exception {
        String header = WebhookSignature.sign(Secrets.of("s3cret"), T, BODY).headerValue();

        assertThat(new ReceiverVerifier("s3cret").verifies(header, BODY, NOW)).isTrue();
        assertThat(new ReceiverVerifier("another").verifies(header, BODY, NOW)).isFalse();
    }

    @Test
    void duringARotationReceiversHoldingEitherSecretVerify() throws Exception {
        String header =
                WebhookSignature.sign(new Secrets("new", "old"), T, BODY).headerValue();

        assertThat(new ReceiverVerifier("old").verifies(header, BODY, NOW)).isTrue();
        assertThat(new ReceiverVerifier("new").verifies(header, BODY, NOW)).isTrue();
        assertThat(new ReceiverVerifier("unrelated").verifies(header, BODY, NOW))
                .isFalse();
    }

    @Test
    void afterTheRotationOnlyTheCurrentSecretVerifies() throws Exception {
        String header = WebhookSignature.sign(Secrets.of("new"), T, BODY).headerValue();

        assertThat(new ReceiverVerifier("new").verifies(header, BODY, NOW)).isTrue();
        assertThat(new ReceiverVerifier("old").verifies(header, BODY, NOW)).isFalse();
    }

    @Test
    void aTamperedBodyFailsVerification() throws Exception {
        String header = WebhookSignature.sign(Secrets.of("s3cret"), T, BODY).headerValue();
        byte[] tampered = "{\"hello\":\"World\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new ReceiverVerifier("s3cret").verifies(header, tampered, NOW))
                .isFalse();
    }

    @Test
    void aTamperedTimestampFailsVerification() throws Exception {
        String header = WebhookSignature.sign(Secrets.of("s3cret"), T, BODY).headerValue();
        String replayedLater = header.replace("t=" + T, "t=" + (T + 60));

        assertThat(new ReceiverVerifier("s3cret").verifies(replayedLater, BODY, NOW.plusSeconds(60)))
                .isFalse();
    }

    @Test
    void secretsNeverShowInTheirTextForm() {
        assertThat(new Secrets("whsec_current", "whsec_previous").toString())
                .doesNotContain("whsec")
                .contains("previous=(secret)");
        assertThat(Secrets.of("whsec_current").toString())
                .doesNotContain("whsec")
                .contains("previous=none");
    }

    @Test
    void refusesBlankSecrets() {
        assertThatThrownBy(() -> Secrets.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Secrets("ok", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
