package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Commission entry ids ("com_" + 32 hex), derived one per referral click. */
class CommissionEntryIdTest {

    private static final ReferralClickId CLICK = ReferralClickId.of("clk_0123456789abcdef0123456789abcdef");
    private static final ReferralClickId OTHER_CLICK = ReferralClickId.of("clk_fedcba9876543210fedcba9876543210");

    @Test
    void forClickIsDeterministic() {
        assertThat(CommissionEntryId.forClick(CLICK))
                .isEqualTo(CommissionEntryId.forClick(ReferralClickId.of("clk_0123456789abcdef0123456789abcdef")));
    }

    @Test
    void forClickIsPinned() {
        // The first 32 hex digits of SHA-256("commission|clk_0123456789abcdef0123456789abcdef"). Entries already in
        // the event store are addressed by this derivation: it must never change.
        assertThat(CommissionEntryId.forClick(CLICK).value()).isEqualTo("com_b9d28f06ce9b7409e72345ae8214ba94");
        assertThat(CommissionEntryId.forClick(OTHER_CLICK).value()).isEqualTo("com_119c45aeab7e12810d1c7e86b87586a1");
    }

    @Test
    void forClickIsWellFormed() {
        CommissionEntryId id = CommissionEntryId.forClick(CLICK);

        assertThat(id.value()).matches("com_[0-9a-f]{32}");
        assertThat(CommissionEntryId.isWellFormed(id.value())).isTrue();
        assertThat(CommissionEntryId.of(id.value())).isEqualTo(id);
        assertThat(id).hasToString(id.value());
    }

    @Test
    void forClickDiffersPerClick() {
        assertThat(CommissionEntryId.forClick(OTHER_CLICK)).isNotEqualTo(CommissionEntryId.forClick(CLICK));
    }

    @Test
    void forClickDoesNotExposeTheClickId() {
        assertThat(CommissionEntryId.forClick(CLICK).value()).doesNotContain(CLICK.value().substring(4));
    }

    @Test
    void forRandomClicksIsWellFormedAndDistinct() {
        Set<CommissionEntryId> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            CommissionEntryId id = CommissionEntryId.forClick(ReferralClickId.random());
            assertThat(CommissionEntryId.isWellFormed(id.value())).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com_0123456789abcdef0123456789abcdef", "com_00000000000000000000000000000000",
            "com_ffffffffffffffffffffffffffffffff"})
    void wellFormedIdsAreAccepted(String value) {
        assertThat(CommissionEntryId.isWellFormed(value)).isTrue();
        assertThat(CommissionEntryId.of(value).value()).isEqualTo(value);
        assertThat(new CommissionEntryId(value)).isEqualTo(CommissionEntryId.of(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "com_",
            "com_0123456789abcdef0123456789abcde",     // 31 hex digits
            "com_0123456789abcdef0123456789abcdef0",   // 33 hex digits
            "com_0123456789ABCDEF0123456789ABCDEF",    // upper case
            "com_0123456789abcdef0123456789abcdeg",    // not hex
            "COM_0123456789abcdef0123456789abcdef",
            "clk_0123456789abcdef0123456789abcdef",    // a click id
            "chk_0123456789abcdef0123456789abcdef",    // a checkout id
            "0123456789abcdef0123456789abcdef",
            " com_0123456789abcdef0123456789abcdef",
            "com_0123456789abcdef0123456789abcdef ",
            "com_0123456789abcdef0123456789abcdef\n",
            "com-0123456789abcdef0123456789abcdef"})
    void badIdsAreRefused(String value) {
        assertThat(CommissionEntryId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CommissionEntryId.of(value))
                .withMessageContaining("com_");
        assertThatIllegalArgumentException().isThrownBy(() -> new CommissionEntryId(value));
    }

    @Test
    void errorDoesNotEchoTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommissionEntryId.of("com_secret-value"))
                .withMessageNotContaining("secret-value");
    }
}
