package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Bumpgrade's public id "bgc_" + 32 hex digits, derived one-way from what it identifies. */
public record CustomerId(@JsonValue String value) {
    public CustomerId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("id must look like bgc_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("bgc_[0-9a-f]{32}");
    }

    /** The buyer as Bumpgrade names them; the Stripe customer stays in the private reference table. */
    public static CustomerId forStripeCustomer(String stripeCustomerId) {
        return hashOf("stripe-customer|" + stripeCustomerId);
    }

    /** A buyer who checked out without a Stripe customer: named after the checkout. */
    public static CustomerId forGuestCheckout(CheckoutIntentId checkout) {
        return hashOf("guest|" + checkout.value());
    }

    private static CustomerId hashOf(String seed) {
        return new CustomerId(DerivedIds.hashed("bgc", seed));
    }

    @Override
    public String toString() {
        return value;
    }
}
