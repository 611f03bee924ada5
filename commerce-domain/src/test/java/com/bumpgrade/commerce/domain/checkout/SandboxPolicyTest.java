package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.StripeKeyMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPolicyTest {

    @Test
    void sandboxKeyMayCallStripe() {
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.SANDBOX)).isEmpty();
    }

    @Test
    void liveKeyKeepsTheCheckoutAPreview() {
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.LIVE)).contains("live_key_refused");
    }

    @Test
    void missingKeyKeepsTheCheckoutAPreview() {
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.NONE)).contains("sandbox_secret_missing");
    }

    @Test
    void onlyATestSecretFromTheEnvironmentLetsStripeBeCalled() {
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.of("sk_test_51Habc"))).isEmpty();
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.of("sk_live_51Habc")))
                .contains("live_key_refused");
        assertThat(SandboxPolicy.previewReasonForPublisherOffer(StripeKeyMode.of("pk_test_51Habc")))
                .contains("sandbox_secret_missing");
    }
}
