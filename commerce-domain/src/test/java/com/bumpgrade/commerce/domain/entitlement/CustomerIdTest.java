package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Customer ids ("bgc_" + 32 hex): a Stripe customer, or a guest named after their checkout, hashed one-way. */
class CustomerIdTest {

    private static final String STRIPE_CUSTOMER = "cus_PxQ7aB9cD1eF2g";
    private static final String OTHER_STRIPE_CUSTOMER = "cus_Other000000000";
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final CheckoutIntentId OTHER_CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000002");

    // ---- forStripeCustomer ----------------------------------------------------------------------------------

    @Test
    void forStripeCustomerIsDeterministic() {
        assertThat(CustomerId.forStripeCustomer(STRIPE_CUSTOMER))
                .isEqualTo(CustomerId.forStripeCustomer("cus_PxQ7aB9cD1eF2g"));
    }

    @Test
    void forStripeCustomerIsPinned() {
        // The first 32 hex digits of SHA-256("stripe-customer|<id>"): stored customers depend on it.
        assertThat(CustomerId.forStripeCustomer(STRIPE_CUSTOMER).value())
                .isEqualTo("bgc_9e20586421ead16dab43b2e6bd866ec4");
        assertThat(CustomerId.forStripeCustomer(OTHER_STRIPE_CUSTOMER).value())
                .isEqualTo("bgc_d14884ad0f19ebc106b783c5221d763a");
    }

    @Test
    void forStripeCustomerIsWellFormed() {
        CustomerId id = CustomerId.forStripeCustomer(STRIPE_CUSTOMER);

        assertThat(id.value()).matches("bgc_[0-9a-f]{32}");
        assertThat(CustomerId.isWellFormed(id.value())).isTrue();
        assertThat(CustomerId.of(id.value())).isEqualTo(id);
        assertThat(id).hasToString(id.value());
    }

    @Test
    void forStripeCustomerDiffersPerCustomer() {
        assertThat(CustomerId.forStripeCustomer(OTHER_STRIPE_CUSTOMER))
                .isNotEqualTo(CustomerId.forStripeCustomer(STRIPE_CUSTOMER));
    }

    @Test
    void forStripeCustomerNeverContainsTheStripeId() {
        CustomerId id = CustomerId.forStripeCustomer(STRIPE_CUSTOMER);

        assertThat(id.value()).doesNotContain(STRIPE_CUSTOMER).doesNotContain("PxQ7aB9cD1eF2g")
                .doesNotContain("cus_");
        assertThat(id.toString()).doesNotContain("PxQ7aB9cD1eF2g");
    }

    @Test
    void stripeIdsOfHexDigitsAreNotExposedEither() {
        String hexLooking = "cus_0123456789abcdef";
        assertThat(CustomerId.forStripeCustomer(hexLooking).value()).doesNotContain("0123456789abcdef");
    }

    // ---- forGuestCheckout -----------------------------------------------------------------------------------

    @Test
    void forGuestCheckoutIsDeterministic() {
        assertThat(CustomerId.forGuestCheckout(CHECKOUT))
                .isEqualTo(CustomerId.forGuestCheckout(CheckoutIntentId.of("chk_00000000000000000000000000000001")));
    }

    @Test
    void forGuestCheckoutIsPinned() {
        assertThat(CustomerId.forGuestCheckout(CHECKOUT).value()).isEqualTo("bgc_d2e44aa10aa98438e3905f5dbf6b2599");
        assertThat(CustomerId.forGuestCheckout(OTHER_CHECKOUT).value())
                .isEqualTo("bgc_e6b15b7069ce9a86efc1f4dbe060df2d");
    }

    @Test
    void forGuestCheckoutIsWellFormed() {
        CustomerId id = CustomerId.forGuestCheckout(CHECKOUT);

        assertThat(id.value()).matches("bgc_[0-9a-f]{32}");
        assertThat(CustomerId.isWellFormed(id.value())).isTrue();
        assertThat(CustomerId.of(id.value())).isEqualTo(id);
    }

    @Test
    void forGuestCheckoutDiffersPerCheckout() {
        assertThat(CustomerId.forGuestCheckout(OTHER_CHECKOUT)).isNotEqualTo(CustomerId.forGuestCheckout(CHECKOUT));
    }

    @Test
    void forGuestCheckoutDoesNotExposeTheCheckout() {
        CheckoutIntentId checkout = CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef");
        assertThat(CustomerId.forGuestCheckout(checkout).value()).doesNotContain(checkout.value().substring(4));
    }

    // ---- the two derivations --------------------------------------------------------------------------------

    @Test
    void aGuestIsNeverTheStripeCustomerOfTheSameText() {
        // Derivations are separated, so a Stripe customer id equal to a checkout id names somebody else.
        assertThat(CustomerId.forStripeCustomer(CHECKOUT.value())).isNotEqualTo(CustomerId.forGuestCheckout(CHECKOUT));
    }

    @Test
    void customerIdsAreNotEntitlementIds() {
        assertThat(CustomerId.forGuestCheckout(CHECKOUT).value()).startsWith("bgc_");
        assertThat(EntitlementId.isWellFormed(CustomerId.forGuestCheckout(CHECKOUT).value())).isFalse();
    }

    // ---- parsing --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"bgc_0123456789abcdef0123456789abcdef", "bgc_00000000000000000000000000000000",
            "bgc_ffffffffffffffffffffffffffffffff"})
    void wellFormedIdsAreAccepted(String value) {
        assertThat(CustomerId.isWellFormed(value)).isTrue();
        assertThat(CustomerId.of(value).value()).isEqualTo(value);
        assertThat(new CustomerId(value)).isEqualTo(CustomerId.of(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "bgc_",
            "bgc_0123456789abcdef0123456789abcde",     // 31 hex digits
            "bgc_0123456789abcdef0123456789abcdef0",   // 33 hex digits
            "bgc_0123456789ABCDEF0123456789ABCDEF",    // upper case
            "bgc_0123456789abcdef0123456789abcdeg",    // not hex
            "BGC_0123456789abcdef0123456789abcdef",
            "cus_PxQ7aB9cD1eF2g",                      // a Stripe customer id
            "ent_0123456789abcdef0123456789abcdef",    // an entitlement id
            "0123456789abcdef0123456789abcdef",
            " bgc_0123456789abcdef0123456789abcdef",
            "bgc_0123456789abcdef0123456789abcdef\n",
            "bgc-0123456789abcdef0123456789abcdef"})
    void badIdsAreRefused(String value) {
        assertThat(CustomerId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.of(value)).withMessageContaining("bgc_");
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerId(value));
    }

    @Test
    void errorDoesNotEchoAStripeId() {
        assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.of(STRIPE_CUSTOMER))
                .withMessageNotContaining("PxQ7aB9cD1eF2g");
    }
}
