package com.bumpgrade.commerce.domain.referral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Referral click ids ("clk_" + 32 hex). */
class ReferralClickIdTest {

    @Test
    void randomIdIsWellFormed() {
        ReferralClickId id = ReferralClickId.random();

        assertThat(id.value()).matches("clk_[0-9a-f]{32}");
        assertThat(ReferralClickId.isWellFormed(id.value())).isTrue();
        assertThat(ReferralClickId.of(id.value())).isEqualTo(id);
        assertThat(id).hasToString(id.value());
    }

    @Test
    void randomIdsAreDistinct() {
        Set<ReferralClickId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ReferralClickId id = ReferralClickId.random();
            assertThat(ReferralClickId.isWellFormed(id.value())).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clk_0123456789abcdef0123456789abcdef", "clk_00000000000000000000000000000000"})
    void wellFormedIdsAreAcceptedVerbatim(String value) {
        assertThat(ReferralClickId.isWellFormed(value)).isTrue();
        assertThat(ReferralClickId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "clk_",
            "clk_0123456789abcdef0123456789abcde",
            "clk_0123456789abcdef0123456789abcdef0",
            "clk_0123456789ABCDEF0123456789ABCDEF",
            "clk_0123456789abcdef0123456789abcdeg",
            "clk_01234567-89ab-cdef-0123-456789abcdef",   // a UUID with dashes
            "com_0123456789abcdef0123456789abcdef",
            "CLK_0123456789abcdef0123456789abcdef",
            " clk_0123456789abcdef0123456789abcdef",
            "clk_0123456789abcdef0123456789abcdef\n"})
    void badIdsAreRefused(String value) {
        assertThat(ReferralClickId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> ReferralClickId.of(value))
                .withMessageContaining("clk_");
    }

    @Test
    void idsWithEqualValuesAreEqual() {
        assertThat(ReferralClickId.of("clk_0123456789abcdef0123456789abcdef"))
                .isEqualTo(new ReferralClickId("clk_0123456789abcdef0123456789abcdef"))
                .isNotEqualTo(ReferralClickId.of("clk_fedcba9876543210fedcba9876543210"));
    }
}
