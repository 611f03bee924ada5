package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a webhook secret, events are kept as unverified evidence and never move money-related state. Nothing
 * attributes an unverified event, so only the platform operator sees it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "stripe.webhook-secret=")
class UnverifiedWebhookTest extends WebhookTest {

    @Test
    void unverifiedEventsAreEvidenceOnly() {
        String intent = openIntent();
        ApiClient.Response response = deliver(completed(intent), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("verified").asBoolean()).isFalse();
        String evidenceId = response.json().path("evidenceId").asText();

        assertThat(awaitEvidence(Tokens.OPERATOR, evidenceId, "ignored").path("reason").asText()).isEqualTo("unverified");
        assertThat(awaitEvidence(Tokens.OPERATOR, evidenceId, "ignored").path("verification").asText())
                .isEqualTo("unverified");
        assertThat(awaitIntent(intent, "open").path("status").asText()).isEqualTo("open");
        assertThat(eventCount(intent, "CheckoutPaid")).isZero();
    }
}
