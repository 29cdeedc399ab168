package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signs_with_hmac_sha256_as_in_rfc_4231_test_case_2() {
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.sign("Jefe", body))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void any_change_of_the_body_changes_the_signature() {
        String secret = "0123456789abcdef0123456789abcdef";

        assertThat(WebhookSignature.sign(secret, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSignature.sign(secret, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
    }
}
