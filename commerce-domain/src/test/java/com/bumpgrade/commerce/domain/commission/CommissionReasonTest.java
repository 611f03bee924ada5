package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The owner's reason to hold or reverse an entry: 1-200 characters after stripping. */
class CommissionReasonTest {

    @Test
    void surroundingWhiteSpaceIsDropped() {
        assertThat(CommissionReason.require("  customer asked\n", "hold")).isEqualTo("customer asked");
    }

    @Test
    void twoHundredCharactersAreEnoughAndCountAfterStripping() {
        String longest = "r".repeat(200);

        assertThat(CommissionReason.require(longest, "reverse")).isEqualTo(longest);
        assertThat(CommissionReason.require("  " + longest + "  ", "reverse")).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void aMissingOrBlankReasonIsRefused(String given) {
        assertThatThrownBy(() -> CommissionReason.require(given, "hold"))
                .isInstanceOfSatisfying(BillingRuleViolation.class, v -> assertThat(v.code()).isEqualTo("reason_required"))
                .hasMessage("A reason of 1-200 characters is required to hold.");
    }

    @Test
    void twoHundredAndOneCharactersAreTooMany() {
        assertThatThrownBy(() -> CommissionReason.require("r".repeat(201), "reverse"))
                .isInstanceOfSatisfying(BillingRuleViolation.class, v -> assertThat(v.code()).isEqualTo("reason_required"))
                .hasMessage("A reason of 1-200 characters is required to reverse.");
    }
}
