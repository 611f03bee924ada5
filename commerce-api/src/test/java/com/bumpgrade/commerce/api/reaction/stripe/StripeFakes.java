package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared test data and fakes of the Stripe reactions' gateways. */
final class StripeFakes {
    static final String INTENT = "chk_" + "e".repeat(32);
    static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of(INTENT);
    static final PublisherId DEMO = PublisherId.of("demo");
    static final WebhookEvidenceId EVIDENCE = WebhookEvidenceId.of("whk_" + "f".repeat(32));
    static final Instant CREATED = Instant.parse("2026-12-01T09:59:00Z");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private StripeFakes() {
    }

    /** The one intent Bumpgrade knows, owned by demo. */
    static CheckoutIntentOwners owners() {
        return id -> INTENT.equals(id) ? Optional.of(DEMO) : Optional.empty();
    }

    /** Stripe as a map: subscriptions and PaymentIntent metadata that the test put there. */
    static final class FakeStripeLookups implements StripeLookups {
        final Map<String, SubscriptionState> subscriptions = new HashMap<>();
        final Map<String, String> paymentIntentCheckouts = new HashMap<>();
        final Map<String, String> invoicePaymentSubscriptions = new HashMap<>();
        final Map<String, List<LineItem>> sessionLineItems = new HashMap<>();
        int lineItemReads;

        @Override
        public List<LineItem> lineItems(String checkoutSessionId) {
            lineItemReads++;
            return sessionLineItems.getOrDefault(checkoutSessionId, List.of());
        }

        @Override
        public Optional<SubscriptionState> subscription(String subscriptionId) {
            return Optional.ofNullable(subscriptions.get(subscriptionId));
        }

        @Override
        public Optional<String> checkoutIntentOf(String paymentIntentId) {
            return Optional.ofNullable(paymentIntentCheckouts.get(paymentIntentId));
        }

        @Override
        public Optional<String> subscriptionPaidBy(String paymentIntentId) {
            return Optional.ofNullable(invoicePaymentSubscriptions.get(paymentIntentId));
        }
    }
}
