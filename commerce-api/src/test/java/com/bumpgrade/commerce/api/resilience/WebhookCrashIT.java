package com.bumpgrade.commerce.api.resilience;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceProcess;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rule 6 under a crash: the service is killed (SIGKILL) right after acknowledging a burst of webhooks, restarted on
 * the same database, and every acknowledged event is then processed exactly once. And scale-out: two instances
 * on one database receive the same events and apply each once.
 */
class WebhookCrashIT {
    private static final int BURST = 40;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static final String TOKEN = "crash-test-agent-token";
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    private final FakeStripe stripe = FakeStripe.shared();
    private final TestDatabase.Database database = TestDatabase.get();

    private Map<String, String> properties() {
        Map<String, String> properties = ServiceProcess.testProperties(database, stripe, TOKEN, "crash-agent");
        // a dead instance's token claims are taken over after this
        properties.put("axon.eventhandling.tokenstore.claim-timeout", CLAIM_TIMEOUT.toSeconds() + "s");
        properties.put("bumpgrade.scale-out.balance-interval", "PT1S");
        return properties;
    }

    private static String openIntent(ApiClient api) {
        ApiClient.Response opened = api.post("/api/commerce/checkout").token(TOKEN)
                .billing(ApiClient.uniqueKey("crash"), "corr-crash")
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("checkoutIntentId").asText();
    }

    private String completedEvent(String intent) {
        return StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.session(stripe.sessionOf(intent), s -> { }));
    }

    private static ApiClient.Response deliver(ApiClient api, String payload) {
        return api.post("/api/commerce/stripe/webhook").header("Stripe-Signature", StripeEvents.signature(payload))
                .header("Content-Type", "application/json").json(payload).send();
    }


    @Test
    void everyAcknowledgedEventIsProcessedExactlyOnceAfterAKill() throws Exception {
        List<String> intents = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        ServiceProcess first = ServiceProcess.start("crash-it-first", ServiceProcess.freePort(), properties());
        ApiClient api = new ApiClient(first.port());
        for (int i = 0; i < BURST; i++) {
            String intent = openIntent(api);
            intents.add(intent);
            payloads.add(completedEvent(intent));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        for (String payload : payloads) {
            sent.add(pool.submit(() -> deliver(api, payload)));
        }
        List<String> acknowledged = new ArrayList<>();
        for (Future<ApiClient.Response> future : sent) {
            ApiClient.Response response = future.get();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            acknowledged.add(response.json().path("evidenceId").asText());
        }
        first.kill();
        pool.shutdown();
        long paidAtKill = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.CheckoutPaid'");

        try (ServiceProcess second = ServiceProcess.start("crash-it-second", ServiceProcess.freePort(), properties())) {
            // every projection caught up before the second instance stops (they run asynchronously)
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count("SELECT count(*) FROM webhook_evidence_view WHERE status = 'processed' AND evidence_id = ANY(?)",
                            acknowledged) == BURST
                    && count("SELECT count(*) FROM audit_entry WHERE action = 'checkout.payment' "
                            + "AND subject_id = ANY(?)", intents) >= BURST
                    && count("SELECT count(*) FROM checkout_intent_view WHERE status = 'paid' "
                            + "AND checkout_intent_id = ANY(?)", intents) == BURST);
            System.out.println("[crash-it] paid when killed: " + paidAtKill + " of " + BURST);
        }

        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.StripeEventReceived' "
                + "AND aggregate_identifier = ANY(?)", acknowledged)).isEqualTo(BURST);
        for (String intent : intents) {
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type LIKE '%.CheckoutPaid'", intent)).as(intent).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.StripeEventConcluded' "
                + "AND aggregate_identifier = ANY(?)", acknowledged)).isEqualTo(BURST);
        assertThat(count("SELECT count(*) FROM checkout_intent_view WHERE status = 'paid' AND checkout_intent_id = ANY(?)",
                intents)).isEqualTo(BURST);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'checkout.payment' AND subject_id = ANY(?)",
                intents)).isEqualTo(BURST);
    }

    /**
     * Scale-out: two instances on one database. Every event is delivered to both at once (Stripe retries can land
     * anywhere); the unique (aggregate, sequence) key and the token claims make each take effect exactly once.
     * Each instance holds part of every multi-segment group, and when one stops, the other takes its segments
     * within the claim timeout.
     */
    @Test
    void twoInstancesShareOneDatabaseAndApplyEachEventOnce() throws Exception {
        int events = 30;
        List<String> intents = new ArrayList<>();
        try (ServiceProcess a = ServiceProcess.start("two-instances-a", ServiceProcess.freePort(), properties());
             ServiceProcess b = ServiceProcess.start("two-instances-b", ServiceProcess.freePort(), properties())) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String group : MULTI_SEGMENT_GROUPS) {
                    Map<String, Long> held = segmentsByOwner(group);
                    long total = segmentCount(group);
                    assertThat(held).as(group + " segments by owner").hasSize(2).doesNotContainKey("");
                    assertThat(held.values()).as(group).allMatch(count -> count < total);
                }
            });
            ApiClient apiA = new ApiClient(a.port());
            ApiClient apiB = new ApiClient(b.port());
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String intent = openIntent(i % 2 == 0 ? apiA : apiB);
                intents.add(intent);
                payloads.add(completedEvent(intent));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (String payload : payloads) {
                for (ApiClient api : List.of(apiA, apiB)) {
                    sent.add(pool.submit(() -> deliver(api, payload)));
                }
            }
            for (Future<ApiClient.Response> future : sent) {
                assertThat(future.get().status()).isEqualTo(200);
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count("SELECT count(*) FROM checkout_intent_view WHERE status = 'paid' "
                            + "AND checkout_intent_id = ANY(?)", intents) == events);

            b.stop();
            await().atMost(CLAIM_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                for (String group : MULTI_SEGMENT_GROUPS) {
                    Map<String, Long> held = segmentsByOwner(group);
                    assertThat(held).as(group + " segments by owner after one instance stopped").hasSize(1)
                            .doesNotContainKey("");
                    assertThat(held.values()).containsExactly(segmentCount(group));
                }
            });
        }
        for (String intent : intents) {
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type LIKE '%.CheckoutPaid'", intent)).as(intent).isEqualTo(1);
        }
    }

    private static final List<String> MULTI_SEGMENT_GROUPS =
            List.of(ProcessingGroups.REACTIONS, ProcessingGroups.READ_MODELS);

    /** Claimed segments of the group per owner; an unclaimed segment counts under "". */
    private Map<String, Long> segmentsByOwner(String group) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password()); PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(owner, ''), count(*) FROM token_entry WHERE processor_name = ? GROUP BY 1")) {
            statement.setString(1, group);
            Map<String, Long> held = new java.util.HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getLong(2));
                }
            }
            return held;
        }
    }

    private long segmentCount(String group) throws SQLException {
        return count("SELECT count(*) FROM token_entry WHERE processor_name = ?", group);
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", list.toArray()));
                } else {
                    statement.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
