package com.bumpgrade.commerce.api.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reactions ask Stripe when an event does not say enough: the gateway they depend on, so they can be
 * tested with a fake. {@link StripePaymentLookup} is the stripe-java implementation.
 */
public interface StripeLookups {

    /** Stripe could not be asked; the caller retries later. */
    class Unavailable extends RuntimeException {
        Unavailable(String category) {
            super("Stripe lookup unavailable: " + category, null, false, false);
        }
    }

    /** A subscription as Stripe has it now: status, the current period's end and Bumpgrade's metadata. */
    record SubscriptionState(String status, Instant currentPeriodEnd, Map<String, String> metadata) {
    }

    /**
     * One line item of a completed Checkout Session: its Stripe Price, the Bumpgrade offer id in that Price's
     * metadata (null for an inline price), and the quantity bought.
     */
    record LineItem(String stripePriceId, String offerId, long quantity) {
    }

    /** What a completed session sold (optional items the buyer ticked included); empty for an unknown session. */
    List<LineItem> lineItems(String checkoutSessionId);

    /** Re-reads a subscription, so access follows Stripe's current state, not the order events arrived in. */
    Optional<SubscriptionState> subscription(String subscriptionId);

    /** The Bumpgrade checkout intent id recorded in the PaymentIntent's metadata, if Bumpgrade created it. */
    Optional<String> checkoutIntentOf(String paymentIntentId);

    /**
     * The subscription whose invoice this PaymentIntent paid, if it paid one: Stripe Billing creates those
     * PaymentIntents itself, without Bumpgrade's metadata, so a refund or dispute of a subscription payment is
     * matched through its invoice.
     */
    Optional<String> subscriptionPaidBy(String paymentIntentId);
}
