package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.Optional;

/**
 * Whose checkout intent is this, by Bumpgrade's own record. Webhook evidence is attributed only this way, never by
 * a publisher id in Stripe metadata, which anyone with access to the Stripe account (or a forged but validly
 * signed payload) could set.
 */
interface CheckoutIntentOwners {
    Optional<PublisherId> publisherOf(String checkoutIntentId);

    /** The publisher, or null when Bumpgrade has no such intent. */
    default PublisherId publisherOrNull(String checkoutIntentId) {
        return publisherOf(checkoutIntentId).orElse(null);
    }
}
