package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirmed checkouts through the API ({@code POST /api/commerce/checkout} with the confirmation phrase and the
 * full billing envelope) against the fake Stripe, which answers at once. Each client times its {@code 201}; when
 * measured, it then reads the intent back with an immediate {@code GET} (which waits for the view, so the intents
 * the webhook phases need are opened without it): a read is stale unless it answers {@code 200} with the
 * status the {@code 201} answered and at least its version. The {@code 201} carries no version field (if it ever
 * does, that one is used): an opened intent is at version 1 (started 0, session opened 1; docs/api.md).
 */
final class Checkouts {
    static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";
    private static final long OPENED_VERSION = 1;

    record Result(List<String> intents, Histogram created, int staleReads, double perSecond) {
    }

    private Checkouts() {
    }

    static Result open(ApiClient api, int count, int threads, boolean readBack) throws Exception {
        Histogram created = Webhooks.histogram();
        AtomicInteger stale = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<String>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<String> opened = new ArrayList<>();
                while (next.getAndIncrement() < count) {
                    opened.add(openOne(api, created, readBack ? stale : null));
                }
                return opened;
            }));
        }
        List<String> intents = new ArrayList<>();
        for (Future<List<String>> worker : workers) {
            intents.addAll(worker.get());
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        return new Result(intents, created, stale.get(), perSecond);
    }

    private static String openOne(ApiClient api, Histogram created, AtomicInteger stale) {
        long sent = System.nanoTime();
        ApiClient.Response response = api.post("/api/commerce/checkout").token(WebhookBenchmark.TOKEN)
                .billing(ApiClient.uniqueKey("bench"), "bench")
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        long answered = System.nanoTime();
        if (response.status() != 201) {
            throw new IllegalStateException("checkout not created: " + response.status() + " " + response.body());
        }
        Webhooks.record(created, answered - sent);
        JsonNode body = response.json();
        String intent = body.path("checkoutIntentId").asText();
        if (stale == null) {
            return intent;
        }
        long version = body.has("version") ? body.path("version").asLong() : OPENED_VERSION;
        ApiClient.Response read = api.get("/api/commerce/checkout-intents/" + intent).token(WebhookBenchmark.TOKEN)
                .send();
        if (read.status() != 200 || read.json().path("version").asLong(-1) < version
                || !body.path("status").asText().equals(read.json().path("status").asText())) {
            stale.incrementAndGet();
        }
        return intent;
    }
}
