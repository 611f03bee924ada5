package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule 5: without a sandbox secret, even an exactly confirmed checkout is only a preview. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "stripe.secret-key=")
class PreviewOnlyWithoutSandboxKeyTest extends ServiceTest {

    @Test
    void confirmedCheckoutWithoutAKeyIsAPreviewAndCallsNothing() {
        int before = STRIPE.calls().size();
        String key = ApiClient.uniqueKey("nokey");
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "c")
                .json(Map.of("offerId", "launch-pass", "confirmation", CheckoutApiTest.PHRASE)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("preview");
        assertThat(response.json().path("reason").asText()).isEqualTo("sandbox_secret_missing");
        assertThat(response.json().path("requiredConfirmation").asText()).isEqualTo(CheckoutApiTest.PHRASE);
        assertThat(STRIPE.calls()).hasSize(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                Long.class, key)).isZero();
    }
}
