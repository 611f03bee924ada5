package com.bumpgrade.commerce.api.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Re-reads a PaymentIntent when a charge or dispute event names one Bumpgrade has not linked yet (events arrive
 * in any order). The metadata Bumpgrade set at checkout tells whether it is ours.
 */
@Component
public class StripePaymentLookup implements StripeLookups {
    private final StripeClientHolder clients;

    public StripePaymentLookup(StripeClientHolder clients) {
        this.clients = clients;
    }

    @Override
    public Optional<SubscriptionState> subscription(String subscriptionId) {
        StripeClient client = clients.client().orElseThrow(() -> new Unavailable("not_configured"));
        try {
            com.stripe.model.Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId);
            Long periodEnd = subscription.getItems() == null || subscription.getItems().getData() == null
                    || subscription.getItems().getData().isEmpty() ? null
                    : subscription.getItems().getData().get(0).getCurrentPeriodEnd();
            return Optional.of(new SubscriptionState(subscription.getStatus(),
                    periodEnd == null ? null : java.time.Instant.ofEpochSecond(periodEnd),
                    subscription.getMetadata() == null ? java.util.Map.of() : subscription.getMetadata()));
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new Unavailable(StripeCheckoutSessions.classify(e).name());
        } catch (StripeException e) {
            throw new Unavailable(StripeCheckoutSessions.classify(e).name());
        } catch (RuntimeException e) {
            throw new Unavailable("MALFORMED_RESPONSE");
        }
    }

    @Override
    public Optional<String> checkoutIntentOf(String paymentIntentId) {
        StripeClient client = clients.client().orElseThrow(() -> new Unavailable("not_configured"));
        try {
            PaymentIntent intent = client.v1().paymentIntents().retrieve(paymentIntentId);
            return Optional.ofNullable(intent.getMetadata()).map(m -> m.get("bumpgrade_checkout_intent_id"));
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new Unavailable(StripeCheckoutSessions.classify(e).name());
        } catch (StripeException e) {
            throw new Unavailable(StripeCheckoutSessions.classify(e).name());
        } catch (RuntimeException e) {
            throw new Unavailable("MALFORMED_RESPONSE");
        }
    }
}
