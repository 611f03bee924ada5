package com.bumpgrade.commerce.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds Stripe v1 webhook events from Stripe's own example objects (test resources stripe/*.json, API
 * 2026-04-22.dahlia) and signs them with the real scheme: HMAC-SHA256 of "t.payload" keyed with the whsec secret.
 */
public final class StripeEvents {
    public static final String SECRET = "whsec_testCurrentSecret00002";
    public static final String ROTATED_SECRET = "whsec_testRotatedOutSecret0001";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StripeEvents() {
    }

    public static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static ObjectNode fixture(String name) {
        try (InputStream in = StripeEvents.class.getResourceAsStream("/stripe/" + name + ".json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event envelope around {@code object}, as Stripe sends it for a webhook endpoint pinned to dahlia. */
    public static String event(String eventId, String type, ObjectNode object) {
        ObjectNode event = fixture("event");
        event.put("id", eventId);
        event.put("object", "event");
        event.put("type", type);
        event.put("api_version", "2026-04-22.dahlia");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.putObject("data").set("object", object);
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Checkout Session fake Stripe created, as a checkout.session.* payload object. */
    public static ObjectNode session(ObjectNode created, Consumer<ObjectNode> adjust) {
        ObjectNode session = created.deepCopy();
        session.put("status", "complete");
        session.put("payment_status", "paid");
        adjust.accept(session);
        return session;
    }

    public static ObjectNode charge(String paymentIntent, long amount, long refunded, boolean full) {
        ObjectNode charge = fixture("charge");
        charge.put("id", "ch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        charge.put("object", "charge");
        charge.put("payment_intent", paymentIntent);
        charge.put("amount", amount);
        charge.put("amount_refunded", refunded);
        charge.put("refunded", full);
        charge.put("currency", "usd");
        charge.put("livemode", false);
        return charge;
    }

    public static ObjectNode dispute(String disputeId, String paymentIntent, String status, long amount) {
        ObjectNode dispute = fixture("dispute");
        dispute.put("id", disputeId);
        dispute.put("object", "dispute");
        dispute.put("payment_intent", paymentIntent);
        dispute.put("status", status);
        dispute.put("amount", amount);
        dispute.put("currency", "usd");
        dispute.put("livemode", false);
        return dispute;
    }

    public static String signature(String payload, String secret, long timestamp) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signature(String payload) {
        return signature(payload, SECRET, Instant.now().getEpochSecond());
    }
}
