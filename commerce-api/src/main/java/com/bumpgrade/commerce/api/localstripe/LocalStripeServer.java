package com.bumpgrade.commerce.api.localstripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The local Stripe stand-in on a loopback socket: {@code /v1/...} answers stripe-java like Stripe's API,
 * {@code /c/pay/{session}} plays Stripe's hosted Checkout page, whose "pay" action ({@code POST .../complete})
 * sends the signed webhook Stripe would send, and {@code /p/session/{id}} the Customer Portal. Only the
 * local-stripe profile starts it.
 */
public final class LocalStripeServer implements AutoCloseable {
    private static final Pattern HOSTED_PAGE = Pattern.compile("/c/pay/(cs_test_[0-9a-f]{32})(/complete)?");
    private static final Pattern PORTAL_PAGE = Pattern.compile("/p/session/(bps_test_[0-9a-f]{20})");

    private final StripeStandIn standIn;
    private final StandInWebhooks webhooks;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "local-stripe");
        thread.setDaemon(true);
        return thread;
    });

    LocalStripeServer(int port, StripeStandIn standIn, StandInWebhooks webhooks) {
        this.standIn = standIn;
        this.webhooks = webhooks;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("local-stripe: cannot listen on 127.0.0.1:" + port
                    + " (set bumpgrade.local-stripe.port to a free port)", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (path.startsWith("/v1/")) {
                StripeStandIn.Answer answer = standIn.answer(method, path, StripeForm.decode(body),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                send(exchange, answer.status(), "application/json", standIn.json(answer.body()));
                return;
            }
            Matcher portal = PORTAL_PAGE.matcher(path);
            if (portal.matches() && method.equals("GET")) {
                portalPage(exchange, portal.group(1));
                return;
            }
            Matcher page = HOSTED_PAGE.matcher(path);
            if (!page.matches()) {
                send(exchange, 404, "application/json", "{\"error\":\"not_found\"}");
            } else if (page.group(2) == null && method.equals("GET")) {
                hostedPage(exchange, page.group(1));
            } else if (page.group(2) != null && method.equals("POST")) {
                // the buyer's ticks: take[0]=price_..., take[1]=...
                StripeForm.decode(body).forEach((key, value) -> {
                    if (key.startsWith("take[")) {
                        standIn.takeOptionalItem(page.group(1), value);
                    }
                });
                complete(exchange, page.group(1));
            } else {
                send(exchange, 405, "application/json", "{\"error\":\"method_not_allowed\"}");
            }
        }
    }

    private void hostedPage(HttpExchange exchange, String sessionId) throws IOException {
        Optional<String> page = standIn.session(sessionId).map(session -> "<!doctype html><html><head>"
                + "<meta charset=\"utf-8\"><title>Stripe stand-in</title></head><body>"
                + "<p>Local Stripe stand-in: no money moves. Session status: "
                + session.path("status").asText() + ", total " + session.path("amount_total").asLong() + " "
                + session.path("currency").asText().toUpperCase() + " (minor units).</p>"
                + "<form method=\"post\" action=\"/c/pay/" + sessionId + "/complete\">"
                + optionalItems(session) + "<button type=\"submit\">Pay</button></form></body></html>");
        if (page.isEmpty()) {
            send(exchange, 404, "application/json", "{\"error\":\"unknown_session\"}");
        } else {
            send(exchange, 200, "text/html; charset=utf-8", page.get());
        }
    }

    /** Stripe's Customer Portal, reduced to its way back: the stand-in has no subscription changes to offer. */
    private void portalPage(HttpExchange exchange, String portalSessionId) throws IOException {
        Optional<String> page = standIn.portalSession(portalSessionId).map(portal -> "<!doctype html><html><head>"
                + "<meta charset=\"utf-8\"><title>Stripe stand-in</title></head><body>"
                + "<p>Local Stripe stand-in: the Customer Portal changes nothing here.</p>"
                + (portal.path("return_url").asText("").startsWith("http")
                ? "<p><a href=\"" + portal.path("return_url").asText().replace("\"", "&quot;") + "\">Back</a></p>"
                : "") + "</body></html>");
        if (page.isEmpty()) {
            send(exchange, 404, "application/json", "{\"error\":\"unknown_portal_session\"}");
        } else {
            send(exchange, 200, "text/html; charset=utf-8", page.get());
        }
    }

    /** One checkbox per optional item (a buyer-choice order bump), as Stripe's page offers them. */
    private static String optionalItems(JsonNode session) {
        StringBuilder boxes = new StringBuilder();
        int i = 0;
        for (JsonNode item : session.path("optional_items")) {
            String price = item.path("price").asText();
            boxes.append("<label><input type=\"checkbox\" name=\"take[").append(i++).append("]\" value=\"")
                    .append(price.replaceAll("[^A-Za-z0-9_]", "")).append("\"> Add order bump</label><br>");
        }
        return boxes.toString();
    }

    private void complete(HttpExchange exchange, String sessionId) throws IOException {
        List<StandInWebhooks.Delivery> deliveries = webhooks.completeSession(sessionId);
        if (deliveries.isEmpty()) {
            send(exchange, 409, "application/json", "{\"error\":\"session_not_open\"}");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String successUrl = standIn.session(sessionId).map(s -> s.path("success_url").asText("")).orElse("");
        if (accept != null && accept.contains("text/html") && successUrl.startsWith("http")) {
            // a browser continues to the success page, as after Stripe's hosted page
            exchange.getResponseHeaders().set("Location", successUrl);
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        String sent = deliveries.stream().map(delivery -> "{\"eventType\":\"" + delivery.eventType()
                + "\",\"webhookStatus\":" + delivery.status() + ",\"webhookAnswer\":"
                + (delivery.answer().startsWith("{") ? delivery.answer() : "null") + "}")
                .collect(Collectors.joining(","));
        send(exchange, 200, "application/json", "{\"sessionStatus\":\"complete\",\"deliveries\":[" + sent + "]}");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
