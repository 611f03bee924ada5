package com.bumpgrade.commerce.api.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.checkout.SessionLineItemListParams;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        return retrieve(client -> {
            Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId);
            Long periodEnd = subscription.getItems() == null || subscription.getItems().getData() == null
                    || subscription.getItems().getData().isEmpty() ? null
                    : subscription.getItems().getData().get(0).getCurrentPeriodEnd();
            return new SubscriptionState(subscription.getStatus(),
                    periodEnd == null ? null : Instant.ofEpochSecond(periodEnd),
                    subscription.getMetadata() == null ? Map.of() : subscription.getMetadata());
        });
    }

    @Override
    public List<LineItem> lineItems(String checkoutSessionId) {
        return retrieve(client -> client.v1().checkout().sessions().lineItems().list(checkoutSessionId,
                SessionLineItemListParams.builder().setLimit(100L).build()))
                .map(items -> items.getData() == null ? List.<LineItem>of() : items.getData().stream()
                        .filter(item -> item.getPrice() != null).map(item -> new LineItem(item.getPrice().getId(),
                                item.getPrice().getMetadata() == null ? null
                                        : item.getPrice().getMetadata().get("bumpgrade_offer_id"),
                                item.getQuantity() == null ? 0 : item.getQuantity())).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<String> checkoutIntentOf(String paymentIntentId) {
        return retrieve(client -> client.v1().paymentIntents().retrieve(paymentIntentId))
                .map(PaymentIntent::getMetadata).map(metadata -> metadata.get("bumpgrade_checkout_intent_id"));
    }

    @Override
    public Optional<String> subscriptionPaidBy(String paymentIntentId) {
        return retrieve(client -> {
            var payments = client.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                    .setPayment(InvoicePaymentListParams.Payment.builder()
                            .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                            .setPaymentIntent(paymentIntentId).build())
                    .addExpand("data.invoice").setLimit(1L).build());
            if (payments.getData() == null || payments.getData().isEmpty()) {
                return null;
            }
            InvoicePayment payment = payments.getData().get(0);
            Invoice invoice = payment.getInvoiceObject() != null ? payment.getInvoiceObject()
                    : client.v1().invoices().retrieve(payment.getInvoice());
            return invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null ? null
                    : invoice.getParent().getSubscriptionDetails().getSubscription();
        });
    }

    private interface Retrieval<T> {
        T from(StripeClient client) throws StripeException;
    }

    /** One Stripe read: a 404 is "not Stripe's either"; any other failure is retried later by the caller. */
    private <T> Optional<T> retrieve(Retrieval<T> retrieval) {
        StripeClient client = clients.client().orElseThrow(() -> new Unavailable("not_configured"));
        try {
            return Optional.ofNullable(retrieval.from(client));
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
