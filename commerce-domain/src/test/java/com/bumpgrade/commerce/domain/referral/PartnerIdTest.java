package com.bumpgrade.commerce.domain.referral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Partner ids: 1-64 lower-case letters, digits or '-', starting with a letter or digit. */
class PartnerIdTest {

    private static final String MAX_LENGTH = "p" + "a".repeat(63);

    @ParameterizedTest
    @ValueSource(strings = {"partner-ada", "a", "0", "ada", "42", "partner-", "a--b"})
    void safeValuesAreAcceptedVerbatim(String value) {
        assertThat(PartnerId.of(value)).hasToString(value);
        assertThat(PartnerId.of(value).value()).isEqualTo(value);
    }

    @Test
    void maximumLengthIs64Characters() {
        assertThat(MAX_LENGTH).hasSize(64);
        assertThat(PartnerId.of(MAX_LENGTH).value()).isEqualTo(MAX_LENGTH);
        assertThatIllegalArgumentException().isThrownBy(() -> PartnerId.of(MAX_LENGTH + "a"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "-leading", "Partner-Ada", "partner_ada", "partner.ada", "partner ada", " ada",
            "ada ", "ada\n", "pärtner", "ada/1", "ada|1"})
    void unsafeValuesAreRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> PartnerId.of(value))
                .withMessageStartingWith("partner id must be");
    }

    @Test
    void idsWithEqualValuesAreEqual() {
        assertThat(PartnerId.of("partner-ada")).isEqualTo(new PartnerId("partner-ada"))
                .isNotEqualTo(PartnerId.of("partner-bob"));
    }
}
