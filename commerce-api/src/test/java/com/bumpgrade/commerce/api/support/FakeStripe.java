package com.bumpgrade.commerce.api.support;

import com.bumpgrade.commerce.api.localstripe.StripeForm;
import com.bumpgrade.commerce.api.localstripe.StripeStandIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers like Stripe for the calls Bumpgrade makes ({@link StripeStandIn}, the same
 * answers the local-stripe profile serves). It records exactly what stripe-java sent (headers and decoded form
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
    // the Stripe behaviour itself is main code, shared with the local-stripe profile
    private final StripeStandIn standIn = new StripeStandIn("https://checkout.stripe.com/c/pay/",
            "https://billing.stripe.com/p/session/", LEAKY_ERROR_TEXT);
    /** Invoice payments (with their invoice expanded) by the PaymentIntent that paid them. */
    private final Map<String, ObjectNode> invoicePayments = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Failure failAlways;

    private FakeStripe() {
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
        return standIn.sessions();
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().split("\\?")[0];
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
        Map<String, String> form = StripeForm.decode(request.getBody().readUtf8());
        calls.add(new Call(request.getMethod(), path, Map.copyOf(headers), Collections.unmodifiableMap(form)));

        Failure failure = failAlways != null ? failAlways : failures.poll();
        if (failure != null) {
            return failureResponse(failure);
        }
        if (request.getMethod().equals("GET") && path.equals("/v1/invoice_payments")) {
            String paidBy = request.getRequestUrl() == null ? null
                    : request.getRequestUrl().queryParameter("payment[payment_intent]");
            ObjectNode list = mapper.createObjectNode().put("object", "list").put("has_more", false)
                    .put("url", "/v1/invoice_payments");
            ObjectNode payment = paidBy == null ? null : invoicePayments.get(paidBy);
            if (payment != null) {
                list.putArray("data").add(payment);
            } else {
                list.putArray("data");
            }
            return json(200, list);
        }
        StripeStandIn.Answer answer = standIn.answer(request.getMethod(), path, form, headers.get("Idempotency-Key"));
        MockResponse response = json(answer.status(), answer.body());
        return answer.status() >= 400 ? response.setHeader("Request-Id", "req_LeakyRequest42") : response;
    }

    /**
     * Stripe Billing pays one of the subscription's invoices: a PaymentIntent without Bumpgrade's metadata (Billing
     * creates it) and the invoice payment that links it to the invoice of the subscription. Returns the
     * PaymentIntent id, which the invoice's charge, refunds and disputes name.
     */
    public String payInvoiceOf(String subscriptionId, long amount) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String paymentIntent = "pi_test_inv" + suffix;
        ObjectNode intent = mapper.createObjectNode().put("id", paymentIntent).put("object", "payment_intent")
                .put("amount", amount).put("currency", "usd").put("status", "succeeded").put("livemode", false);
        intent.putObject("metadata");
        standIn.addPaymentIntent(intent);
        ObjectNode invoice = mapper.createObjectNode().put("id", "in_test_" + suffix).put("object", "invoice")
                .put("livemode", false);
        ObjectNode parent = invoice.putObject("parent").put("type", "subscription_details");
        parent.putObject("subscription_details").put("subscription", subscriptionId).putObject("metadata");
        ObjectNode payment = mapper.createObjectNode().put("id", "inpay_test_" + suffix)
                .put("object", "invoice_payment").put("amount_paid", amount).put("currency", "usd")
                .put("status", "paid").put("livemode", false);
        payment.set("invoice", invoice);
        payment.putObject("payment").put("type", "payment_intent").put("payment_intent", paymentIntent);
        invoicePayments.put(paymentIntent, payment);
        return paymentIntent;
    }

    /** The Prices created so far, by their Stripe id. */
    public Map<String, ObjectNode> prices() {
        return standIn.prices();
    }

    /** Moves a subscription to another status, as Stripe Billing would (renewal failed, canceled, ...). */
    public void setSubscriptionStatus(String subscriptionId, String status) {
        standIn.subscription(subscriptionId).orElseThrow().put("status", status);
    }

    /** Changes one metadata value on a subscription, as anyone with access to the Stripe account could. */
    public void putSubscriptionMetadata(String subscriptionId, String key, String value) {
        ((ObjectNode) standIn.subscription(subscriptionId).orElseThrow().path("metadata")).put(key, value);
    }

    public ObjectNode subscription(String subscriptionId) {
        return standIn.subscription(subscriptionId).orElseThrow().deepCopy();
    }

    /**
     * The buyer ticks the optional item of this Bumpgrade offer on Stripe's page (before paying), as
     * {@code optional_items} offered it: the Stripe Price whose metadata names the offer.
     */
    public void buyerTakes(String checkoutIntentId, String offerId) {
        ObjectNode session = sessionOf(checkoutIntentId);
        String price = prices().values().stream()
                .filter(p -> offerId.equals(p.path("metadata").path("bumpgrade_offer_id").asText()))
                .map(p -> p.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no Stripe Price for " + offerId));
        if (!standIn.takeOptionalItem(session.path("id").asText(), price)) {
            throw new AssertionError("the session offers no optional item for " + offerId);
        }
    }

    /** The session Stripe created for a Bumpgrade checkout intent. */
    public ObjectNode sessionOf(String checkoutIntentId) {
        return standIn.sessions().values().stream()
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
        StripeStandIn.Answer answer = standIn.error(status, type, code);
        return json(answer.status(), answer.body()).setHeader("Request-Id", "req_LeakyRequest42");
    }

    private MockResponse json(int status, ObjectNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", ""))
                .setBody(standIn.json(body));
    }
}
