package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;

/**
 * When a paid checkout becomes visible through the API. Polling every pending intent by GET would load the service
 * with thousands of requests a second at half rate, so one connection reads {@code checkout_intent_view} every
 * 5 ms for the intents not yet seen paid there (the GET answers from that view), and the moment one shows
 * {@code paid}, a GET of {@code /api/commerce/checkout-intents/{id}} is sent, again every 2 ms until it answers
 * {@code paid}. The time recorded is when that GET's answer arrived: the view's lag, the query's read-your-writes
 * wait and the request itself all count.
 */
final class PaidWatcher implements AutoCloseable {
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final ApiClient api;
    private final Connection connection;
    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private final Map<String, Long> visible = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService confirmers = Executors.newFixedThreadPool(4);
    private final Thread poller;
    private volatile boolean closed;

    PaidWatcher(ApiClient api, TestDatabase.Database database) throws Exception {
        this.api = api;
        this.connection = Db.connect(database);
        this.poller = new Thread(this::poll, "paid-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching an intent whose webhook is due (or sent) at {@code dueNanos}. */
    void watch(String intent, long dueNanos) {
        due.put(intent, dueNanos);
        pending.add(intent);
    }

    void acknowledged(String intent, long ackNanos) {
        acked.put(intent, ackNanos);
    }

    /** Whether every one of these intents was seen paid through the API within the timeout. */
    boolean awaitVisible(Collection<String> intents, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!visible.keySet().containsAll(intents)) {
            if (System.nanoTime() > deadline || closed) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    int visibleCount(Collection<String> intents) {
        return (int) intents.stream().filter(visible::containsKey).count();
    }

    /** From the webhook's 2xx to paid visible in the GET. */
    Histogram fromAck(Collection<String> intents) {
        return histogram(intents, acked::get);
    }

    /** From the webhook's due time (open loop) to paid visible in the GET. */
    Histogram fromDue(Collection<String> intents) {
        return histogram(intents, due::get);
    }

    private Histogram histogram(Collection<String> intents, ToLongFunction<String> from) {
        Histogram histogram = Webhooks.histogram();
        for (String intent : intents) {
            Long seen = visible.get(intent);
            if (seen != null) {
                histogram.recordValue(Math.max(0, seen - from.applyAsLong(intent)));
            }
        }
        return histogram;
    }

    private void poll() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT checkout_intent_id FROM "
                + "checkout_intent_view WHERE status = 'paid' AND checkout_intent_id = ANY (?)")) {
            while (!closed) {
                if (pending.isEmpty()) {
                    Thread.sleep(1);
                    continue;
                }
                statement.setArray(1, connection.createArrayOf("varchar", pending.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String intent = rs.getString(1);
                        if (pending.remove(intent)) {
                            confirmers.submit(() -> confirm(intent));
                        }
                    }
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                Progress.say("paid watcher stopped: %s", e);
                closed = true;
            }
        }
    }

    private Void confirm(String intent) throws InterruptedException {
        long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !closed) {
            ApiClient.Response response = api.get("/api/commerce/checkout-intents/" + intent)
                    .token(WebhookBenchmark.TOKEN).send();
            long now = System.nanoTime();
            if (response.status() == 200 && "paid".equals(response.json().path("status").asText())) {
                visible.put(intent, now);
                return null;
            }
            Thread.sleep(2);
        }
        Progress.say("WARNING: %s is paid in the view but its GET did not say so within %s", intent, CONFIRM_TIMEOUT);
        return null;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        poller.join(5_000);
        confirmers.shutdownNow();
        connection.close();
    }
}
