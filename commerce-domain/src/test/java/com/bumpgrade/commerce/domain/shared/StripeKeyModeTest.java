package com.bumpgrade.commerce.domain.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StripeKeyModeTest {

    @ParameterizedTest
    @ValueSource(strings = {"sk_test_51HxYzAbC", "rk_test_51HxYzAbC"})
    void testSecretsAreSandbox(String key) {
        assertThat(StripeKeyMode.of(key)).isEqualTo(StripeKeyMode.SANDBOX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_51HxYzAbC", "rk_live_51HxYzAbC"})
    void liveSecretsAreLive(String key) {
        assertThat(StripeKeyMode.of(key)).isEqualTo(StripeKeyMode.LIVE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void missingOrBlankSecretIsNone(String key) {
        assertThat(StripeKeyMode.of(key)).isEqualTo(StripeKeyMode.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "pk_test_51HxYzAbC",   // publishable keys are not secrets
            "pk_live_51HxYzAbC",
            "SK_TEST_51HxYzAbC",
            "sk_test",
            "whsec_51HxYzAbC",
            "test_sk_51HxYzAbC"})
    void anythingElseIsNone(String key) {
        assertThat(StripeKeyMode.of(key)).isEqualTo(StripeKeyMode.NONE);
    }
}
