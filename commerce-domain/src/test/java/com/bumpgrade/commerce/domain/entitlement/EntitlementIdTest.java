package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Entitlement ids ("ent_" + 32 hex), derived one per offer bought in one checkout. */
class EntitlementIdTest {

    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final CheckoutIntentId OTHER_CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000002");
    private static final OfferId OFFER = OfferId.of("offer_pro_monthly");
    private static final OfferId OTHER_OFFER = OfferId.of("offer_pro_yearly");

    @Test
    void forPurchaseIsDeterministic() {
        assertThat(EntitlementId.forPurchase(CHECKOUT, OFFER))
                .isEqualTo(EntitlementId.forPurchase(CheckoutIntentId.of("chk_00000000000000000000000000000001"),
                        OfferId.of("offer_pro_monthly")));
    }

    @Test
    void forPurchaseIsPinned() {
        // The first 32 hex digits of SHA-256("entitlement|<checkout>|<offer>"). Entitlements already in the event
        // store are addressed by this derivation: it must never change.
        assertThat(EntitlementId.forPurchase(CHECKOUT, OFFER).value())
                .isEqualTo("ent_8d17f006b65b29e0806014c01f031505");
        assertThat(EntitlementId.forPurchase(OTHER_CHECKOUT, OFFER).value())
                .isEqualTo("ent_8957812a0f5371cb713ed82215ed76e0");
        assertThat(EntitlementId.forPurchase(CHECKOUT, OTHER_OFFER).value())
                .isEqualTo("ent_39e0bb7eb4501977fe07f62c8d4457dd");
    }

    @Test
    void forPurchaseIsWellFormed() {
        EntitlementId id = EntitlementId.forPurchase(CHECKOUT, OFFER);

        assertThat(id.value()).matches("ent_[0-9a-f]{32}");
        assertThat(EntitlementId.isWellFormed(id.value())).isTrue();
        assertThat(EntitlementId.of(id.value())).isEqualTo(id);
        assertThat(id).hasToString(id.value());
    }

    @Test
    void forPurchaseDiffersPerCheckout() {
        assertThat(EntitlementId.forPurchase(OTHER_CHECKOUT, OFFER))
                .isNotEqualTo(EntitlementId.forPurchase(CHECKOUT, OFFER));
    }

    @Test
    void forPurchaseDiffersPerOffer() {
        assertThat(EntitlementId.forPurchase(CHECKOUT, OTHER_OFFER))
                .isNotEqualTo(EntitlementId.forPurchase(CHECKOUT, OFFER));
    }

    @Test
    void forPurchaseDoesNotExposeTheCheckoutOrTheOffer() {
        CheckoutIntentId checkout = CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef");
        String value = EntitlementId.forPurchase(checkout, OFFER).value();

        assertThat(value).doesNotContain(checkout.value().substring(4)).doesNotContain(OFFER.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent_0123456789abcdef0123456789abcdef", "ent_00000000000000000000000000000000",
            "ent_ffffffffffffffffffffffffffffffff"})
    void wellFormedIdsAreAccepted(String value) {
        assertThat(EntitlementId.isWellFormed(value)).isTrue();
        assertThat(EntitlementId.of(value).value()).isEqualTo(value);
        assertThat(new EntitlementId(value)).isEqualTo(EntitlementId.of(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "ent_",
            "ent_0123456789abcdef0123456789abcde",     // 31 hex digits
            "ent_0123456789abcdef0123456789abcdef0",   // 33 hex digits
            "ent_0123456789ABCDEF0123456789ABCDEF",    // upper case
            "ent_0123456789abcdef0123456789abcdeg",    // not hex
            "ENT_0123456789abcdef0123456789abcdef",
            "bgc_0123456789abcdef0123456789abcdef",    // a customer id
            "chk_0123456789abcdef0123456789abcdef",    // a checkout id
            "0123456789abcdef0123456789abcdef",
            " ent_0123456789abcdef0123456789abcdef",
            "ent_0123456789abcdef0123456789abcdef ",
            "ent_0123456789abcdef0123456789abcdef\n",
            "ent-0123456789abcdef0123456789abcdef"})
    void badIdsAreRefused(String value) {
        assertThat(EntitlementId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EntitlementId.of(value))
                .withMessageContaining("ent_");
        assertThatIllegalArgumentException().isThrownBy(() -> new EntitlementId(value));
    }

    @Test
    void errorDoesNotEchoTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> EntitlementId.of("ent_secret-value"))
                .withMessageNotContaining("secret-value");
    }
}
