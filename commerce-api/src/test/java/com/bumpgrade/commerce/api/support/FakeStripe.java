package com.bumpgrade.commerce.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers like Stripe for the calls Bumpgrade makes, built from Stripe's own example
 * objects (test resources under stripe/). It records exactly what stripe-java sent (headers and decoded form
 * parameters) and can fail on demand: 5xx, 4xx, 429, a read timeout, or a body that is not JSON.
 */
public final class FakeStripe {
    /** A marker Stripe-side text that must never reach a Bumpgrade client, log line or audit entry. */
    public static final String LEAKY_ERROR_TEXT = "No such price: 'price_1LeakyStripeDetail'; request req_LeakyRequest42";

    public enum Failure { SERVER_ERROR, BAD_REQUEST, RATE_LIMITED, TIMEOUT, MALFORMED }

    public record Call(String method, String path, Map<String, String> headers, Map<String, String> form) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private static FakeStripe shared;

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Failure> failures = new ConcurrentLinkedDeque<>();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> products = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> prices = new ConcurrentHashMap<>();
    /** Stripe answers a repeated Idempotency-Key with the first answer; kept per path for products and prices. */
    private final Map<String, ObjectNode> idempotent = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectNode sessionFixture;
    private volatile Failure failAlways;

    private FakeStripe() {
        sessionFixture = (ObjectNode) readFixture("checkout.session.json");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized FakeStripe shared() {
        if (shared == null) {
            shared = new FakeStripe();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> sessionCreatesFor(String checkoutIntentId) {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/v1/checkout/sessions"))
                .filter(c -> checkoutIntentId.equals(c.form().get("client_reference_id"))).toList();
    }

    /** The next {@code times} requests fail this way (stripe-java retries count as requests). */
    public void failNext(Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    public void failAlways(Failure failure) {
        failAlways = failure;
    }

    public void recover() {
        failAlways = null;
        failures.clear();
    }

    /** The raw session Stripe created for an intent: only tests may look at it. */
    public Map<String, ObjectNode> sessions() {
        return Collections.unmodifiableMap(sessions);
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().split("\\?")[0];
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
        Map<String, String> form = decodeForm(request.getBody().readUtf8());
        calls.add(new Call(request.getMethod(), path, Map.copyOf(headers), Collections.unmodifiableMap(form)));

        Failure failure = failAlways != null ? failAlways : failures.poll();
        if (failure != null) {
            return failureResponse(failure);
        }
        if (request.getMethod().equals("POST") && path.equals("/v1/checkout/sessions")) {
            return json(200, createSession(form));
        }
        if (request.getMethod().equals("POST") && (path.equals("/v1/products") || path.equals("/v1/prices"))) {
            String key = path + "|" + headers.getOrDefault("Idempotency-Key", UUID.randomUUID().toString());
            return json(200, idempotent.computeIfAbsent(key, k -> path.equals("/v1/products") ? createProduct(form)
                    : createPrice(form)));
        }
        if (request.getMethod().equals("POST") && path.matches("/v1/checkout/sessions/[^/]+/expire")) {
            ObjectNode session = sessions.get(path.split("/")[4]);
            if (session == null) {
                return error(404, "invalid_request_error", "resource_missing");
            }
            session.put("status", "expired");
            return json(200, session);
        }
        if (request.getMethod().equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            ObjectNode portal = (ObjectNode) readFixture("billing_portal.session.json");
            String portalId = "bps_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            portal.put("id", portalId);
            portal.put("object", "billing_portal.session");
            portal.put("customer", form.get("customer"));
            portal.put("return_url", form.get("return_url"));
            portal.put("url", "https://billing.stripe.com/p/session/" + portalId);
            return json(200, portal);
        }
        if (request.getMethod().equals("GET") && path.startsWith("/v1/subscriptions/")) {
            ObjectNode subscription = subscriptions.get(path.substring("/v1/subscriptions/".length()));
            return subscription == null ? error(404, "invalid_request_error", "resource_missing")
                    : json(200, subscription);
        }
        if (request.getMethod().equals("GET") && path.startsWith("/v1/payment_intents/")) {
            ObjectNode intent = paymentIntents.get(path.substring("/v1/payment_intents/".length()));
            return intent == null ? error(404, "invalid_request_error", "resource_missing") : json(200, intent);
        }
        if (request.getMethod().equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
            ObjectNode session = sessions.get(path.substring("/v1/checkout/sessions/".length()));
            return session == null ? error(404, "invalid_request_error", "resource_missing") : json(200, session);
        }
        return error(404, "invalid_request_error", "unrecognized_url");
    }

    private ObjectNode createProduct(Map<String, String> form) {
        ObjectNode product = (ObjectNode) readFixture("product.json");
        String id = "prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        product.put("id", id);
        product.put("name", form.get("name"));
        product.put("livemode", false);
        product.put("created", Instant.now().getEpochSecond());
        product.set("metadata", metadata(form));
        products.put(id, product);
        return product;
    }

    private ObjectNode createPrice(Map<String, String> form) {
        ObjectNode price = (ObjectNode) readFixture("price.json");
        String id = "price_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        price.put("id", id);
        price.put("product", form.get("product"));
        price.put("currency", form.get("currency"));
        price.put("unit_amount", Long.parseLong(form.get("unit_amount")));
        price.put("unit_amount_decimal", form.get("unit_amount"));
        price.put("livemode", false);
        price.put("created", Instant.now().getEpochSecond());
        price.set("metadata", metadata(form));
        if (form.containsKey("recurring[interval]")) {
            price.put("type", "recurring");
            ObjectNode recurring = price.putObject("recurring");
            recurring.put("interval", form.get("recurring[interval]"));
            recurring.put("interval_count", Long.parseLong(form.getOrDefault("recurring[interval_count]", "1")));
            recurring.put("usage_type", "licensed");
        } else {
            price.put("type", "one_time");
            price.putNull("recurring");
        }
        prices.put(id, price);
        return price;
    }

    private ObjectNode metadata(Map<String, String> form) {
        ObjectNode metadata = mapper.createObjectNode();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        return metadata;
    }

    /** The Prices created so far, by their Stripe id. */
    public Map<String, ObjectNode> prices() {
        return Collections.unmodifiableMap(prices);
    }

    private ObjectNode createSession(Map<String, String> form) {
        String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode session = sessionFixture.deepCopy();
        long total = 0;
        String currency = null;
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            long quantity = Long.parseLong(form.get("line_items[" + i + "][quantity]"));
            String unit = form.get("line_items[" + i + "][price_data][unit_amount]");
            ObjectNode mapped = prices.get(form.getOrDefault("line_items[" + i + "][price]", ""));
            if (mapped != null) {
                unit = mapped.path("unit_amount").asText();
                currency = mapped.path("currency").asText();
            }
            total += unit == null ? 0 : Long.parseLong(unit) * quantity;
            currency = form.getOrDefault("line_items[" + i + "][price_data][currency]", currency);
        }
        long now = Instant.now().getEpochSecond();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("mode", form.getOrDefault("mode", "payment"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("amount_total", total);
        session.put("amount_subtotal", total);
        session.put("currency", currency);
        session.put("created", now);
        session.put("expires_at", now + 24 * 3600);
        session.put("livemode", false);
        ObjectNode metadata = session.putObject("metadata");
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        // the PaymentIntent Stripe would create for this session, with the metadata Bumpgrade asked for
        String paymentIntent = "pi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        session.put("payment_intent", paymentIntent);
        ObjectNode intent = mapper.createObjectNode();
        intent.put("id", paymentIntent);
        intent.put("object", "payment_intent");
        intent.put("amount", total);
        intent.put("currency", currency);
        intent.put("livemode", false);
        ObjectNode intentMetadata = intent.putObject("metadata");
        form.forEach((key, value) -> {
            if (key.startsWith("payment_intent_data[metadata][")) {
                intentMetadata.put(key.substring("payment_intent_data[metadata][".length(), key.length() - 1), value);
            }
        });
        paymentIntents.put(paymentIntent, intent);
        if ("subscription".equals(form.get("mode"))) {
            session.putNull("payment_intent");
            ObjectNode subscription = (ObjectNode) readFixture("subscription.json");
            String subscriptionId = "sub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            subscription.put("id", subscriptionId);
            subscription.put("object", "subscription");
            subscription.put("status", "incomplete");
            subscription.put("livemode", false);
            ObjectNode subscriptionMetadata = subscription.putObject("metadata");
            form.forEach((key, value) -> {
                if (key.startsWith("subscription_data[metadata][")) {
                    subscriptionMetadata.put(key.substring("subscription_data[metadata][".length(), key.length() - 1),
                            value);
                }
            });
            ((ObjectNode) subscription.path("items").path("data").get(0)).put("current_period_end", now + 30 * 86400);
            subscriptions.put(subscriptionId, subscription);
            session.put("subscription", subscriptionId);
            String customer = "cus_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            session.put("customer", customer);
            subscription.put("customer", customer);
        }
        sessions.put(id, session);
        return session;
    }

    /** Moves a subscription to another status, as Stripe Billing would (renewal failed, canceled, ...). */
    public void setSubscriptionStatus(String subscriptionId, String status) {
        subscriptions.get(subscriptionId).put("status", status);
    }

    /** Changes one metadata value on a subscription, as anyone with access to the Stripe account could. */
    public void putSubscriptionMetadata(String subscriptionId, String key, String value) {
        ((ObjectNode) subscriptions.get(subscriptionId).path("metadata")).put(key, value);
    }

    public ObjectNode subscription(String subscriptionId) {
        return subscriptions.get(subscriptionId).deepCopy();
    }

    /** The session Stripe created for a Bumpgrade checkout intent. */
    public ObjectNode sessionOf(String checkoutIntentId) {
        return sessions.values().stream()
                .filter(s -> checkoutIntentId.equals(s.path("client_reference_id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no session for " + checkoutIntentId));
    }

    private MockResponse failureResponse(Failure failure) {
        return switch (failure) {
            case SERVER_ERROR -> error(500, "api_error", null);
            case BAD_REQUEST -> error(400, "invalid_request_error", "resource_missing");
            case RATE_LIMITED -> error(429, "rate_limit_error", "rate_limit");
            case TIMEOUT -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case MALFORMED -> new MockResponse().setResponseCode(200)
                    .setHeader("Content-Type", "application/json").setBody("<html>not json " + LEAKY_ERROR_TEXT);
        };
    }

    private MockResponse error(int status, String type, String code) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", LEAKY_ERROR_TEXT);
        if (code != null) {
            error.put("code", code);
        }
        return json(status, body).setHeader("Request-Id", "req_LeakyRequest42");
    }

    private MockResponse json(int status, ObjectNode body) {
        try {
            return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setHeader("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", ""))
                    .setBody(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private com.fasterxml.jackson.databind.JsonNode readFixture(String name) {
        try (InputStream in = FakeStripe.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture stripe/" + name);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
