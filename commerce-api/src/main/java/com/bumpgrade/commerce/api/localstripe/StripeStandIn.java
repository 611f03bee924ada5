package com.bumpgrade.commerce.api.localstripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the Stripe API calls Bumpgrade makes (Checkout Session create, retrieve, expire and line items, Customer
 * Portal session, subscription and PaymentIntent retrieval) from memory, built from Stripe's own example objects
 * (resources stripe/). No HTTP here: the local-stripe profile serves it over a socket, and the tests' fake Stripe
 * wraps it with failure injection, so the two never drift apart.
 */
public final class StripeStandIn {
    /** What Stripe would answer: an HTTP status and a JSON body. */
    public record Answer(int status, ObjectNode body) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final ObjectNode sessionFixture = (ObjectNode) fixture("checkout.session");
    private final StandInCatalog catalog = new StandInCatalog(name -> (ObjectNode) fixture(name));
    private final StandInLineItems lineItems = new StandInLineItems(name -> (ObjectNode) fixture(name), catalog);
    private final StandInPortal portal;
    private final String hostedPageBase;
    private final String errorMessage;

    /**
     * @param hostedPageBase where a Checkout Session's {@code url} points, followed by the session id
     * @param portalPageBase where a portal session's {@code url} points, followed by its id
     * @param errorMessage   the message of every error answer (the tests use one that must never leak)
     */
    public StripeStandIn(String hostedPageBase, String portalPageBase, String errorMessage) {
        this.hostedPageBase = hostedPageBase;
        this.portal = new StandInPortal(portalPageBase, (ObjectNode) fixture("billing_portal.session"));
        this.errorMessage = errorMessage;
    }

    public Answer answer(String method, String path, Map<String, String> form) {
        return answer(method, path, form, null);
    }

    /** The answer to one request; {@code idempotencyKey} is its Idempotency-Key header, if any. */
    public Answer answer(String method, String path, Map<String, String> form, String idempotencyKey) {
        Optional<ObjectNode> catalogued = catalog.answer(method, path, form, idempotencyKey);
        if (catalogued.isPresent()) {
            return new Answer(200, catalogued.get());
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return new Answer(200, createSession(form));
        }
        if (method.equals("POST") && path.matches("/v1/checkout/sessions/[^/]+/expire")) {
            ObjectNode session = sessions.get(path.split("/")[4]);
            if (session == null) {
                return missing();
            }
            session.put("status", "expired");
            return new Answer(200, session);
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            return new Answer(200, portal.create(form));
        }
        if (method.equals("GET") && path.matches("/v1/checkout/sessions/[^/]+/line_items")) {
            return lineItems.list(path.split("/")[4]).map(list -> new Answer(200, list)).orElseGet(this::missing);
        }
        if (method.equals("GET")) {
            Optional<ObjectNode> found = lookUp(path, "/v1/subscriptions/", subscriptions)
                    .or(() -> lookUp(path, "/v1/payment_intents/", paymentIntents))
                    .or(() -> lookUp(path, "/v1/checkout/sessions/", sessions));
            if (found.isPresent()) {
                return new Answer(200, found.get());
            }
            if (path.startsWith("/v1/subscriptions/") || path.startsWith("/v1/payment_intents/")
                    || path.startsWith("/v1/checkout/sessions/")) {
                return missing();
            }
        }
        return error(404, "invalid_request_error", "unrecognized_url");
    }

    /** The Prices publishing created so far, by their Stripe id. */
    public Map<String, ObjectNode> prices() {
        return catalog.prices();
    }

    /** A PaymentIntent Stripe created on its own (Billing pays a subscription's invoice with one). */
    public void addPaymentIntent(ObjectNode intent) {
        paymentIntents.put(intent.path("id").asText(), intent);
    }

    /** One event as Stripe would send it: its type and the exact payload to sign. */
    public record Event(String type, String payload) {
    }

    /**
     * Marks an open session paid, as Stripe does when the buyer pays, and returns the events Stripe would send:
     * {@code checkout.session.completed}, and for a subscription (now active) {@code customer.subscription.created}
     * too. Empty for a session that is unknown or no longer open.
     */
    public List<Event> complete(String sessionId) {
        ObjectNode session = sessions.get(sessionId);
        if (session == null || !"open".equals(session.path("status").asText())) {
            return List.of();
        }
        session.put("status", "complete");
        session.put("payment_status", "paid");
        List<Event> events = new ArrayList<>();
        events.add(new Event("checkout.session.completed", event(newEventId(), "checkout.session.completed", session)));
        ObjectNode subscription = subscriptions.get(session.path("subscription").asText(""));
        if (subscription != null) {
            subscription.put("status", "active");
            events.add(new Event("customer.subscription.created",
                    event(newEventId(), "customer.subscription.created", subscription)));
        }
        return events;
    }

    private static String newEventId() {
        return "evt_local_" + randomHex(24);
    }

    /** A Stripe v1 event envelope around {@code object}, pinned to the API version Bumpgrade reads. */
    public String event(String eventId, String type, ObjectNode object) {
        ObjectNode event = mapper.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2026-04-22.dahlia");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.putObject("data").set("object", object.deepCopy());
        try {
            return mapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, ObjectNode> sessions() {
        return Collections.unmodifiableMap(sessions);
    }

    public Optional<ObjectNode> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(ObjectNode::deepCopy);
    }

    public Optional<ObjectNode> portalSession(String portalSessionId) {
        return portal.find(portalSessionId);
    }

    /** The buyer ticks an optional item on Stripe's page, before paying; false if the session offers no such item. */
    public boolean takeOptionalItem(String sessionId, String stripePriceId) {
        ObjectNode session = sessions.get(sessionId);
        return session != null && lineItems.take(session, stripePriceId).map(amount -> {
            session.put("amount_total", session.path("amount_total").asLong() + amount);
            session.put("amount_subtotal", session.path("amount_total").asLong());
            Optional.ofNullable(paymentIntents.get(session.path("payment_intent").asText(""))).ifPresent(intent ->
                    intent.put("amount", session.path("amount_total").asLong()));
            return true;
        }).orElse(false);
    }

    public Optional<ObjectNode> subscription(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    public Answer error(int status, String type, String code) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", errorMessage);
        if (code != null) {
            error.put("code", code);
        }
        return new Answer(status, body);
    }

    public String json(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer missing() {
        return error(404, "invalid_request_error", "resource_missing");
    }

    private static Optional<ObjectNode> lookUp(String path, String prefix, Map<String, ObjectNode> objects) {
        return path.startsWith(prefix) ? Optional.ofNullable(objects.get(path.substring(prefix.length())))
                : Optional.empty();
    }

    private ObjectNode createSession(Map<String, String> form) {
        String id = "cs_test_" + randomHex(32);
        ObjectNode session = sessionFixture.deepCopy();
        long total = 0;
        String currency = null;
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            long quantity = Long.parseLong(form.get("line_items[" + i + "][quantity]"));
            String unit = form.get("line_items[" + i + "][price_data][unit_amount]");
            Optional<ObjectNode> mapped = catalog.price(form.get("line_items[" + i + "][price]"));
            if (mapped.isPresent()) {
                unit = mapped.get().path("unit_amount").asText();
                currency = mapped.get().path("currency").asText();
            }
            total += unit == null ? 0 : Long.parseLong(unit) * quantity;
            currency = form.getOrDefault("line_items[" + i + "][price_data][currency]", currency);
        }
        long now = Instant.now().getEpochSecond();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("url", hostedPageBase + id);
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("mode", form.getOrDefault("mode", "payment"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("success_url", form.get("success_url"));
        session.put("cancel_url", form.get("cancel_url"));
        session.put("amount_total", total);
        session.put("amount_subtotal", total);
        session.put("currency", currency);
        session.put("created", now);
        session.put("expires_at", now + 24 * 3600);
        session.put("livemode", false);
        session.set("metadata", metadata(form, "metadata["));
        session.set("optional_items", lineItems.record(id, form));
        // the PaymentIntent Stripe would create for this session, with the metadata Bumpgrade asked for
        String paymentIntent = "pi_test_" + randomHex(24);
        session.put("payment_intent", paymentIntent);
        ObjectNode intent = mapper.createObjectNode();
        intent.put("id", paymentIntent);
        intent.put("object", "payment_intent");
        intent.put("amount", total);
        intent.put("currency", currency);
        intent.put("livemode", false);
        intent.set("metadata", metadata(form, "payment_intent_data[metadata]["));
        paymentIntents.put(paymentIntent, intent);
        if ("subscription".equals(form.get("mode"))) {
            session.putNull("payment_intent");
            ObjectNode subscription = (ObjectNode) fixture("subscription");
            String subscriptionId = "sub_test_" + randomHex(20);
            subscription.put("id", subscriptionId);
            subscription.put("object", "subscription");
            subscription.put("status", "incomplete");
            subscription.put("livemode", false);
            subscription.set("metadata", metadata(form, "subscription_data[metadata]["));
            ((ObjectNode) subscription.path("items").path("data").get(0)).put("current_period_end", now + 30 * 86400);
            subscriptions.put(subscriptionId, subscription);
            session.put("subscription", subscriptionId);
            String customer = "cus_test_" + randomHex(14);
            session.put("customer", customer);
            subscription.put("customer", customer);
        }
        sessions.put(id, session);
        return session;
    }

    private ObjectNode metadata(Map<String, String> form, String prefix) {
        ObjectNode metadata = mapper.createObjectNode();
        form.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                metadata.put(key.substring(prefix.length(), key.length() - 1), value);
            }
        });
        return metadata;
    }

    private static String randomHex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, Math.min(32, length));
    }

    private JsonNode fixture(String name) {
        try (InputStream in = StripeStandIn.class.getResourceAsStream("/stripe/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource stripe/" + name + ".json");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
