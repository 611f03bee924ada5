package com.bumpgrade.commerce.api.stripe;

import java.util.Optional;

/**
 * The private reference table as the reactions use it: link a Bumpgrade id to a raw Stripe value, and find either
 * side. {@link StripeReferenceVault} is the PostgreSQL implementation; reaction tests use an in-memory one.
 */
public interface StripeReferences {
    void put(String bumpgradeId, StripeReferenceVault.Kind kind, String stripeValue);

    Optional<String> find(String bumpgradeId, StripeReferenceVault.Kind kind);

    Optional<String> findBumpgradeId(StripeReferenceVault.Kind kind, String stripeValue);
}
