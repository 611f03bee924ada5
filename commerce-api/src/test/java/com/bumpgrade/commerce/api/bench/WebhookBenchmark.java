package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceProcess;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook benchmark of issue 3. Starts the packaged service against a fresh database on the PostgreSQL at
 * 127.0.0.1:5432 (or whatever {@link TestDatabase} picks) and a local fake Stripe, opens checkout intents, then
 * sends signed checkout.session.completed events for distinct intents:
 * <ol>
 *   <li>at full speed with a fixed number of client threads (accepted events/s, ack latency);</li>
 *   <li>at a fixed arrival rate of half that maximum, open loop: latency is measured from each event's scheduled
 *       send time, so a stalled server cannot hide its queueing (no coordinated omission);</li>
 * </ol>
 * and measures the time from the scheduled send to {@code paid} visible in the read model. In the same run and
 * against the same PostgreSQL, a plain JDBC loop with the same concurrency inserts the rows the acknowledged
 * webhook path writes synchronously (a private delivery row and an event row, each committed), for the ratio.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl commerce-api exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.bumpgrade.commerce.api.bench.WebhookBenchmark}
 * (system properties bench.events, bench.concurrency).
 */
public final class WebhookBenchmark {
    private static final String TOKEN = "bench-agent-token";
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int warmup = Math.min(300, events / 4);
        FakeStripe stripe = FakeStripe.shared();
        TestDatabase.Database database = TestDatabase.get();

        Map<String, String> properties = ServiceProcess.testProperties(database, stripe, TOKEN, "bench-agent");
        properties.put("logging.level.root", "warn");

        StringBuilder report = new StringBuilder();
        try (ServiceProcess service = ServiceProcess.start("bench-service", ServiceProcess.freePort(), properties)) {
            ApiClient api = new ApiClient(service.port());
            List<String> intents = openIntents(api, stripe, warmup + 2 * events, 8);
            List<String> warm = intents.subList(0, warmup);
            List<String> full = intents.subList(warmup, warmup + events);
            List<String> fixed = intents.subList(warmup + events, warmup + 2 * events);

            fullSpeed(api, stripe, warm, concurrency);
            Histogram fullAck = new Histogram(60_000_000_000L, 3);
            long start = System.nanoTime();
            fullSpeed(api, stripe, full, concurrency, fullAck);
            double fullRate = events / ((System.nanoTime() - start) / 1e9);

            double fixedRate = fullRate / 2;
            Histogram fixedAck = new Histogram(60_000_000_000L, 3);
            Histogram toPaid = new Histogram(120_000_000_000L, 3);
            fixedRate(api, stripe, fixed, fixedRate, fixedAck, toPaid, database);

            double jdbcRate = jdbcBaseline(database, events, concurrency);

            report.append(String.format("Bumpgrade webhook benchmark, %d cores, %s%n",
                    Runtime.getRuntime().availableProcessors(), database.kind()));
            report.append(String.format("events per phase: %d (after %d warm-up), client concurrency: %d%n",
                    events, warmup, concurrency));
            report.append(String.format("full speed:  accepted %.1f events/s, ack latency p50 %.1f ms, p99 %.1f ms%n",
                    fullRate, ms(fullAck, 50), ms(fullAck, 99)));
            report.append(String.format("fixed rate %.1f events/s (half of full speed): ack latency from scheduled send "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", fixedRate, ms(fixedAck, 50), ms(fixedAck, 99),
                    fixedAck.getMaxValue() / 1e6));
            report.append(String.format("webhook -> paid visible in read model: p50 %.1f ms, p99 %.1f ms%n",
                    ms(toPaid, 50), ms(toPaid, 99)));
            report.append(String.format("plain JDBC loop, same rows, same concurrency: %.1f rows/s%n", jdbcRate));
            report.append(String.format("ratio webhook / JDBC: %.2f (target >= 0.5); ack p99 at half rate: %.1f ms "
                    + "(target <= 50 ms)%n", fullRate / jdbcRate, ms(fixedAck, 99)));
        }
        System.out.println();
        System.out.print(report);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }


    private static List<String> openIntents(ApiClient api, FakeStripe stripe, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                ApiClient.Response response = api.post("/api/commerce/checkout").token(TOKEN)
                        .billing(ApiClient.uniqueKey("bench"), "bench").json(Map.of("offerId", "launch-pass",
                                "confirmation", PHRASE)).send();
                if (response.status() != 201) {
                    throw new IllegalStateException("checkout failed: " + response.status());
                }
                return response.json().path("checkoutIntentId").asText();
            }));
        }
        List<String> intents = new ArrayList<>();
        for (Future<String> future : futures) {
            intents.add(future.get());
        }
        pool.shutdown();
        return intents;
    }

    private static String payload(FakeStripe stripe, String intent) {
        return StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(stripe.sessionOf(intent), s -> { }));
    }

    private static int send(ApiClient api, String payload) {
        return api.post("/api/commerce/stripe/webhook").header("Stripe-Signature", StripeEvents.signature(payload))
                .header("Content-Type", "application/json").json(payload).send().status();
    }

    private static void fullSpeed(ApiClient api, FakeStripe stripe, List<String> intents, int threads)
            throws Exception {
        fullSpeed(api, stripe, intents, threads, new Histogram(60_000_000_000L, 3));
    }

    private static void fullSpeed(ApiClient api, FakeStripe stripe, List<String> intents, int threads,
                                  Histogram ack) throws Exception {
        List<String> payloads = intents.stream().map(i -> payload(stripe, i)).toList();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    if (send(api, payloads.get(i)) != 200) {
                        throw new IllegalStateException("webhook not accepted");
                    }
                    synchronized (ack) {
                        ack.recordValue(System.nanoTime() - sent);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static void fixedRate(ApiClient api, FakeStripe stripe, List<String> intents, double rate, Histogram ack,
                                  Histogram toPaid, TestDatabase.Database database) throws Exception {
        List<String> payloads = intents.stream().map(i -> payload(stripe, i)).toList();
        long interval = (long) (1e9 / rate);
        Map<String, Long> scheduled = new ConcurrentHashMap<>();
        Set<String> seenPaid = Collections.newSetFromMap(new ConcurrentHashMap<>());
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + 50_000_000L;
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            long at = start + i * interval;
            String payload = payloads.get(i);
            String intent = intents.get(i);
            scheduled.put(intent, at);
            sends.add(senders.submit(() -> {
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (send(api, payload) != 200) {
                    throw new IllegalStateException("webhook not accepted");
                }
                synchronized (ack) {
                    ack.recordValue(Math.max(0, System.nanoTime() - at));
                }
                return null;
            }));
        }
        try (HikariDataSource poller = pool(database, 1)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120) + payloads.size() * interval;
            while (seenPaid.size() < intents.size() && System.nanoTime() < deadline) {
                try (Connection connection = poller.getConnection(); PreparedStatement statement =
                        connection.prepareStatement("SELECT checkout_intent_id FROM checkout_intent_view "
                                + "WHERE status = 'paid' AND checkout_intent_id = ANY(?)")) {
                    statement.setArray(1, connection.createArrayOf("varchar", intents.toArray()));
                    long now = System.nanoTime();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            String intent = rs.getString(1);
                            if (seenPaid.add(intent)) {
                                toPaid.recordValue(Math.max(0, now - scheduled.get(intent)));
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        if (seenPaid.size() < intents.size()) {
            throw new IllegalStateException("only " + seenPaid.size() + " of " + intents.size() + " became paid");
        }
    }

    /** The rows an acknowledged webhook has committed: its private delivery row and its evidence event row. */
    private static double jdbcBaseline(TestDatabase.Database database, int rows, int threads) throws Exception {
        try (HikariDataSource pool = pool(database, threads)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_delivery, bench_event");
                statement.execute("CREATE TABLE bench_delivery (LIKE stripe_webhook_delivery INCLUDING ALL)");
                statement.execute("CREATE TABLE bench_event (LIKE domain_event_entry INCLUDING ALL)");
            }
            String payload = StripeEvents.event("evt_bench", "checkout.session.completed",
                    StripeEvents.fixture("checkout.session"));
            byte[] eventPayload = new byte[420];
            AtomicInteger next = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                        String id = UUID.randomUUID().toString();
                        try (Connection connection = pool.getConnection()) {
                            try (PreparedStatement delivery = connection.prepareStatement(
                                    "INSERT INTO bench_delivery (evidence_id, stripe_event_id, payload, payload_sha256, "
                                            + "first_received_at, last_received_at) VALUES (?, ?, ?, ?, now(), now()) "
                                            + "ON CONFLICT (stripe_event_id) DO NOTHING")) {
                                delivery.setString(1, "whk_" + id);
                                delivery.setString(2, "evt_" + id);
                                delivery.setString(3, payload);
                                delivery.setString(4, "0".repeat(64));
                                delivery.executeUpdate();
                            }
                            connection.setAutoCommit(false);
                            try (PreparedStatement event = connection.prepareStatement(
                                    "INSERT INTO bench_event (event_identifier, aggregate_identifier, sequence_number, "
                                            + "type, time_stamp, payload_type, payload, meta_data) "
                                            + "VALUES (?, ?, 0, 'StripeEventEvidence', now()::text, 'bench', ?, ?)")) {
                                event.setString(1, id);
                                event.setString(2, "whk_" + id);
                                event.setBytes(3, eventPayload);
                                event.setBytes(4, new byte[2]);
                                event.executeUpdate();
                            }
                            connection.commit();
                            connection.setAutoCommit(true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            executor.shutdown();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_delivery, bench_event");
            }
            return rate;
        }
    }

    private static HikariDataSource pool(TestDatabase.Database database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
