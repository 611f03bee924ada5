package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.checkout.SessionFailure;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates and expires Checkout Sessions through stripe-java. Raw session ids and URLs go straight into the
 * private vault; Stripe's exception text is reduced to a {@link SessionFailure} category here and never leaves
 * this class (log lines carry the category and HTTP status only).
 */
@Component
public class StripeCheckoutSessions {
    private static final Logger log = LoggerFactory.getLogger(StripeCheckoutSessions.class);

    private final StripeReferenceVault vault;
    private final StripeClient client;

    public StripeCheckoutSessions(StripeClientHolder clients, StripeReferenceVault vault) {
        this.vault = vault;
        this.client = clients.client().orElse(null);
    }

    public CheckoutSessionResult create(CheckoutSessionRequest request) {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured; callers must stay in preview");
        }
        String intent = request.checkoutIntentId().value();
        boolean subscription = request.mode() == CheckoutMode.SUBSCRIPTION;
        String offer = request.lines().get(0).offerId().value();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(subscription ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(intent)
                .putMetadata("bumpgrade_checkout_intent_id", intent)
                .putMetadata("bumpgrade_publisher_id", request.publisherId().value())
                .setSuccessUrl(request.returnBaseUrl() + "/checkout/" + intent + "/return?result=success")
                .setCancelUrl(request.returnBaseUrl() + "/checkout/" + intent + "/return?result=cancel");
        // Billing events name the subscription or payment, not the session: Bumpgrade's ids travel in their metadata.
        if (subscription) {
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                    .putMetadata("bumpgrade_checkout_intent_id", intent)
                    .putMetadata("bumpgrade_publisher_id", request.publisherId().value())
                    .putMetadata("bumpgrade_offer_id", offer)
                    .build());
        } else {
            params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata("bumpgrade_checkout_intent_id", intent)
                    .putMetadata("bumpgrade_publisher_id", request.publisherId().value())
                    .build());
        }
        boolean optional = request.orderBumpMode() == OrderBumpMode.BUYER_CHOICE;
        for (CheckoutLine line : request.lines()) {
            String priceId = request.priceIds().get(line.offerId().value());
            if (optional && line.orderBump()) {
                // Stripe takes optional items by Price only; the checkout refused bumps without one
                params.addOptionalItem(SessionCreateParams.OptionalItem.builder().setQuantity(line.quantity())
                        .setPrice(vault.find(priceId, StripeReferenceVault.Kind.PRICE).orElseThrow(() ->
                                new IllegalStateException("order bump without a Stripe Price"))).build());
            } else {
                params.addLineItem(lineItem(line, priceId, request.interval(), request.intervalCount()));
            }
        }
        // Stripe stores the first answer per key, failures included, so each attempt has its own key.
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("bumpgrade-checkout-" + intent + "-attempt-" + request.attempt())
                .build();
        try {
            Session session = client.v1().checkout().sessions().create(params.build(), options);
            if (session == null || session.getId() == null || session.getUrl() == null) {
                return failed(request, SessionFailure.MALFORMED_RESPONSE, null);
            }
            vault.put(intent, StripeReferenceVault.Kind.CHECKOUT_SESSION, session.getId());
            vault.put(intent, StripeReferenceVault.Kind.CHECKOUT_URL, session.getUrl());
            Instant expiresAt = session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt());
            return new CheckoutSessionResult.Opened(expiresAt);
        } catch (StripeException e) {
            return failed(request, classify(e), e.getStatusCode());
        } catch (RuntimeException e) {
            // stripe-java throws Gson's runtime exceptions for a body that is not Stripe JSON
            return failed(request, SessionFailure.MALFORMED_RESPONSE, null);
        }
    }

    /** Best effort: ends the Stripe session of an intent the agent expired. */
    public boolean expire(String checkoutIntentId) {
        Optional<String> session = vault.find(checkoutIntentId, StripeReferenceVault.Kind.CHECKOUT_SESSION);
        if (client == null || session.isEmpty()) {
            return false;
        }
        try {
            client.v1().checkout().sessions().expire(session.get(), RequestOptions.builder()
                    .setIdempotencyKey("bumpgrade-expire-" + checkoutIntentId).build());
            return true;
        } catch (StripeException e) {
            log.warn("Stripe did not expire the Checkout Session of {}: {} (HTTP {})", checkoutIntentId,
                    classify(e).name().toLowerCase(Locale.ROOT), e.getStatusCode());
            return false;
        } catch (RuntimeException e) {
            log.warn("Stripe answered an expiry of {} with an unreadable body", checkoutIntentId);
            return false;
        }
    }

    private SessionCreateParams.LineItem lineItem(CheckoutLine line, String priceId, String interval,
                                                  int intervalCount) {
        SessionCreateParams.LineItem.Builder item = SessionCreateParams.LineItem.builder().setQuantity(line.quantity());
        Optional<String> stripePrice = priceId == null ? Optional.empty()
                : vault.find(priceId, StripeReferenceVault.Kind.PRICE);
        if (stripePrice.isPresent()) {
            return item.setPrice(stripePrice.get()).build();
        }
        // No Stripe Price mapped: describe the price inline.
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder();
        if (interval != null) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.valueOf(
                            interval.toUpperCase(Locale.ROOT)))
                    .setIntervalCount((long) intervalCount)
                    .build());
        }
        return item.setPriceData(price
                        .setCurrency(line.unitPrice().currency().toLowerCase(Locale.ROOT))
                        .setUnitAmount(line.unitPrice().amountMinor())
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(line.title())
                                .putMetadata("bumpgrade_offer_id", line.offerId().value())
                                .build())
                        .build())
                .build();
    }

    private CheckoutSessionResult failed(CheckoutSessionRequest request, SessionFailure failure, Integer status) {
        log.warn("Checkout Session creation failed for {} attempt {}: {} (HTTP {})",
                request.checkoutIntentId().value(), request.attempt(), failure.name().toLowerCase(Locale.ROOT),
                status == null ? "-" : status);
        return new CheckoutSessionResult.Failed(failure);
    }

    static SessionFailure classify(StripeException e) {
        if (e instanceof ApiConnectionException) {
            Throwable cause = e.getCause();
            while (cause != null) {
                if (cause instanceof SocketTimeoutException) {
                    return SessionFailure.TIMEOUT;
                }
                cause = cause.getCause();
            }
            return SessionFailure.STRIPE_UNAVAILABLE;
        }
        if (e instanceof RateLimitException) {
            return SessionFailure.RATE_LIMITED;
        }
        if (e instanceof AuthenticationException) {
            return SessionFailure.AUTHENTICATION;
        }
        if (e instanceof InvalidRequestException || e instanceof IdempotencyException) {
            return SessionFailure.STRIPE_REJECTED;
        }
        Integer status = e.getStatusCode();
        if (status != null && status >= 200 && status < 300) {
            // stripe-java could not read a successful answer (not Stripe JSON)
            return SessionFailure.MALFORMED_RESPONSE;
        }
        if (status != null && status >= 400 && status < 500) {
            return SessionFailure.STRIPE_REJECTED;
        }
        return SessionFailure.STRIPE_UNAVAILABLE;
    }
}
