package com.bumpgrade.commerce.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one phrase check of every confirmed write (moved here from CheckoutConfirmationPolicyTest, unchanged). */
class ConfirmationTest {

    private static final String SEED_PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    @Test
    void exactPhraseConfirms() {
        assertThat(Confirmation.confirms(SEED_PHRASE, SEED_PHRASE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  Create checkout for Bumpgrade launch pass at 9.00 USD",
            "Create checkout for Bumpgrade launch pass at 9.00 USD  ",
            "\tCreate checkout for Bumpgrade launch pass at 9.00 USD\n"})
    void surroundingWhiteSpaceIsForgiven(String given) {
        assertThat(Confirmation.confirms(SEED_PHRASE, given)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create checkout for Bumpgrade launch pass at 9.00 USD",
            "CREATE CHECKOUT FOR BUMPGRADE LAUNCH PASS AT 9.00 USD",
            "Create checkout for Bumpgrade launch pass at 9.00 usd",
            "Create checkout for Bumpgrade  launch pass at 9.00 USD",
            "Create checkout for Bumpgrade launch pass at 9 USD",
            "Create checkout for Bumpgrade launch pass at 10.00 USD",
            "Create checkout for Bumpgrade launch pass at 9.00 USD.",
            "Create checkout for Bumpgrade launch pass",
            "yes",
            ""})
    void anyOtherDifferenceIsRefused(String given) {
        assertThat(Confirmation.confirms(SEED_PHRASE, given)).isFalse();
    }

    @Test
    void missingConfirmationIsRefused() {
        assertThat(Confirmation.confirms(SEED_PHRASE, null)).isFalse();
    }
}
