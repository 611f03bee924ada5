package com.bumpgrade.commerce.api.localstripe;

import com.stripe.net.Webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends what Stripe would send once a buyer paid ({@code checkout.session.completed}, and for a subscription
 * {@code customer.subscription.created}), each signed the way
 * Stripe signs (HMAC-SHA256 of "t.payload" keyed with the webhook secret), to the service's own webhook route.
 * The service verifies it like any delivery; nothing here touches Bumpgrade's state directly.
 */
final class StandInWebhooks {
    /** One delivery: the type of the event sent and what the service answered. */
    record Delivery(String eventType, int status, String answer) {
    }

    private final StripeStandIn standIn;
    private final Supplier<URI> webhookUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StandInWebhooks(StripeStandIn standIn, Supplier<URI> webhookUrl, String secret) {
        this.standIn = standIn;
        this.webhookUrl = webhookUrl;
        this.secret = secret;
    }

    /**
     * Completes an open session and delivers its events one after the other; empty if the session is unknown or
     * not open. A subscription event may reach the service before the payment is recorded: it is retried there,
     * as it would be with Stripe.
     */
    List<Delivery> completeSession(String sessionId) {
        return standIn.complete(sessionId).stream().map(event -> deliver(event.type(), event.payload())).toList();
    }

    private Delivery deliver(String eventType, String payload) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhookUrl.get())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(eventType, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Delivery(eventType, 0, "{\"error\":\"service_unreachable\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(eventType, 0, "{\"error\":\"interrupted\"}");
        }
    }

    private String hmac(String signedPayload) {
        try {
            return Webhook.Util.computeHmacSha256(secret, signedPayload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
