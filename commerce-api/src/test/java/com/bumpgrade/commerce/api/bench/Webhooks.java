package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.StripeEvents;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Signed {@code checkout.session.completed} webhooks, one per distinct open intent, each signed when it is sent:
 * closed loop at full speed, or open loop at a fixed arrival rate.
 */
final class Webhooks {
    private static final String UNKNOWN_SECRET = "whsec_benchUnknownSecret000001";
    private final ApiClient api;
    private final FakeStripe stripe;

    Webhooks(ApiClient api, FakeStripe stripe) {
        this.api = api;
        this.stripe = stripe;
    }

    String payload(String intent) {
        return StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(stripe.sessionOf(intent), s -> { }));
    }

    /** Sends one webhook and fails the run unless it is acknowledged (200). */
    void sendAcknowledged(String payload) {
        int status = api.post("/api/commerce/stripe/webhook").header("Stripe-Signature", StripeEvents.signature(payload))
                .header("Content-Type", "application/json").json(payload).send().status();
        if (status != 200) {
            throw new IllegalStateException("webhook not acknowledged: " + status);
        }
    }

    /**
     * Sends one webhook signed with a secret the service does not know and fails the run unless it is refused at
     * the signature check (400 {@code invalid_signature}): the whole HTTP path of an ack without its database work.
     */
    void sendRefused(String payload) {
        ApiClient.Response response = api.post("/api/commerce/stripe/webhook")
                .header("Stripe-Signature", StripeEvents.signature(payload, UNKNOWN_SECRET, Instant.now().getEpochSecond()))
                .header("Content-Type", "application/json").json(payload).send();
        if (response.status() != 400 || !"invalid_signature".equals(response.errorCode())) {
            throw new IllegalStateException("webhook with an unknown secret not refused: " + response.status());
        }
    }

    /**
     * Closed loop: {@code threads} clients each send the next webhook as soon as the previous one was acknowledged.
     * Returns acknowledged webhooks per second.
     */
    double fullSpeed(List<String> intents, int threads, Histogram ack) throws Exception {
        return closedLoop(intents.stream().map(this::payload).toList(), threads, this::sendAcknowledged, ack);
    }

    /** The same closed loop for payloads sent by {@code send}; answers requests per second. */
    static double closedLoop(List<String> payloads, int threads, Consumer<String> send, Histogram latency)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    send.accept(payloads.get(i));
                    record(latency, System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double rate = payloads.size() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        return rate;
    }

    /**
     * Open loop: webhook i is due at start + i / rate, whatever happened to the ones before it, and its ack latency
     * is measured from that due time, so a stalled service cannot hide its queue (no coordinated omission). The
     * watcher learns each intent's due time before the send and its ack time after it.
     */
    void fixedRate(List<String> intents, double rate, Histogram ack, PaidWatcher watcher) throws Exception {
        List<String> payloads = intents.stream().map(this::payload).toList();
        long interval = (long) (1e9 / rate);
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + 50_000_000L;
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            long due = start + i * interval;
            String payload = payloads.get(i);
            String intent = intents.get(i);
            sends.add(senders.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                watcher.watch(intent, due);
                sendAcknowledged(payload);
                long acked = System.nanoTime();
                watcher.acknowledged(intent, acked);
                record(ack, acked - due);
                return null;
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
    }

    static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.max(0, nanos));
        }
    }

    static Histogram histogram() {
        return new Histogram(120_000_000_000L, 3);
    }
}
