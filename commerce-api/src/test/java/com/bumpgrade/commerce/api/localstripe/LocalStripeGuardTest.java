package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.stripe.StripeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStripeGuardTest {
    private static final String BASE = "http://127.0.0.1:12111";

    private static StripeProperties stripe(String key, String secret, String apiBase) {
        return new StripeProperties(key, secret, apiBase, null, null, null);
    }

    @Test
    void startsWithASandboxKeyTheStandInsBaseAndASecret() {
        assertThat(LocalStripeGuard.refusal(stripe("sk_test_x", "whsec_a,whsec_b", BASE), BASE)).isEmpty();
        assertThat(LocalStripeGuard.signingSecret(stripe("sk_test_x", "whsec_a,whsec_b", BASE))).isEqualTo("whsec_a");
    }

    @Test
    void refusesALiveKey() {
        assertThat(LocalStripeGuard.refusal(stripe("sk_live_x", "whsec_a", BASE), BASE)).get().asString()
                .contains("live key");
        assertThat(LocalStripeGuard.refusal(stripe("rk_live_x", "whsec_a", BASE), BASE)).isPresent();
    }

    @Test
    void refusesNoKeyAnotherApiBaseAndNoSecret() {
        assertThat(LocalStripeGuard.refusal(stripe("", "whsec_a", BASE), BASE)).isPresent();
        assertThat(LocalStripeGuard.refusal(stripe("sk_test_x", "whsec_a", "https://api.stripe.com"), BASE)).get()
                .asString().contains("STRIPE_API_BASE");
        assertThat(LocalStripeGuard.refusal(stripe("sk_test_x", " ", BASE), BASE)).get().asString()
                .contains("STRIPE_WEBHOOK_SECRET");
    }
}
