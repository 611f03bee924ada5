package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceProcess;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upgrade to three processing groups, against a database of the earlier release: it holds tokens of the eight
 * old groups and events those had not all handled. The packaged service must start its new groups at the lower
 * bound of the old tokens: the reaction grants entitlements for exactly the checkouts paid after it (a tail start
 * with a replay token would skip them all, a start at any other old token would skip some), and the read models
 * project exactly those checkouts. The old groups' dead letters move to the new groups (Flyway V12), and the old
 * release's delivery rows learn whether their evidence exists (V13).
 */
class RegroupUpgradeIT {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final OfferId OFFER = OfferId.of("launch-pass");

    private final TestDatabase.Database shared = TestDatabase.get();
    private final String name = "bumpgrade_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final TestDatabase.Database database = new TestDatabase.Database(
            shared.url().substring(0, shared.url().lastIndexOf('/') + 1) + name, shared.username(), shared.password(),
            "upgrade " + name);
    private final Serializer serializer =
            JacksonSerializer.builder().objectMapper(AxonStorageConfiguration.storageObjectMapper()).build();
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    private static CheckoutIntentId checkout() {
        return CheckoutIntentId.of("chk_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private void exec(String sql) throws Exception {
        try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    @AfterEach
    void drop() throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A started and paid checkout, appended as the earlier release stored it. */
    private void paidCheckout(JdbcEventStorageEngine engine, CheckoutIntentId id) {
        Instant now = Instant.now();
        Money price = Money.of(900, "USD");
        BillingContext context = new BillingContext(ActorId.of("agent-007"), "agent", ClientAttribution.of("upgrade"),
                CorrelationId.of("corr-" + UUID.randomUUID()), IdempotencyKey.of("key-" + UUID.randomUUID()));
        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>("CheckoutIntent", id.value(), 0, new CheckoutStarted(id, DEMO, OFFER,
                        CheckoutMode.PAYMENT, List.of(new CheckoutLine(OFFER, "Launch pass", 1, price, false)), price,
                        "fingerprint", context, now)),
                new GenericDomainEventMessage<>("CheckoutIntent", id.value(), 1, new CheckoutPaid(id, DEMO,
                        WebhookEvidenceId.of("whk_" + UUID.randomUUID().toString().replace("-", "")), price, now))));
    }

    private TrackingToken head() {
        Long index = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    private void legacyTokens(List<String> groups, TrackingToken token) {
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        for (String group : groups) {
            for (int segment = 0; segment < 4; segment++) {
                jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp) "
                                + "VALUES (?, ?, ?, ?, ?)", group, segment, stored.getData(),
                        stored.getType().getName(), Instant.now().toString());
            }
        }
    }

    private long granted(CheckoutIntentId id) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%EntitlementGranted'", Long.class,
                EntitlementId.forPurchase(id, OFFER).value());
        return count == null ? 0 : count;
    }

    private boolean viewed(CheckoutIntentId id) {
        return !jdbc.queryForList("SELECT 1 FROM checkout_intent_view WHERE checkout_intent_id = ?", id.value())
                .isEmpty();
    }

    /** A fresh database with the migrations up to {@code target} ("latest" for all). */
    private void migrate(String target) throws Exception {
        if (dataSource == null) {
            exec("CREATE DATABASE " + name);
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(2); // a shared PostgreSQL: few connections
            jdbc = new JdbcTemplate(dataSource);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private void deadLetter(String id, String group, String sequence, long index, String enqueuedAt) {
        jdbc.update("""
                        INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,
                            sequence_index, message_type, event_identifier, time_stamp, payload_type, payload,
                            enqueued_at)
                        VALUES (?, ?, ?, ?, 'event', ?, ?, 'x.Paid', '{}'::bytea, ?)""",
                id, group, sequence, index, "evt-" + id, enqueuedAt, enqueuedAt);
    }

    private List<String> letters(String group, String sequence) {
        return jdbc.queryForList("SELECT dead_letter_id FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ? ORDER BY sequence_index", String.class, group, sequence);
    }

    @Test
    void theOldGroupsDeadLettersMoveToTheGroupThatReplacedTheirsInOrder() throws Exception {
        migrate("11");
        deadLetter("a", "entitlement-policy", "chk_1", 0, "2026-11-01T10:00:02Z");
        deadLetter("b", "commission-policy", "chk_1", 0, "2026-11-01T10:00:01Z");
        deadLetter("c", "commission-policy", "chk_1", 1, "2026-11-01T10:00:03Z");
        deadLetter("d", "stripe-event-translation", "whk_1", 0, "2026-11-01T10:00:00Z");
        deadLetter("e", "commission-view", "com_1", 0, "2026-11-01T10:00:00Z");
        deadLetter("f", "audit-trail", "com_1", 0, "2026-11-01T10:00:00Z");

        migrate("latest");

        assertThat(letters(ProcessingGroups.REACTIONS, "chk_1")).containsExactly("b", "a", "c");
        assertThat(letters(ProcessingGroups.REACTIONS, "whk_1")).containsExactly("d");
        assertThat(letters(ProcessingGroups.READ_MODELS, "com_1")).containsExactly("e");
        assertThat(letters(ProcessingGroups.AUDIT_TRAIL, "com_1")).containsExactly("f");
        assertThat(jdbc.queryForList("SELECT sequence_index FROM dead_letter_entry WHERE sequence_identifier = "
                + "'chk_1' ORDER BY sequence_index", Long.class)).containsExactly(0L, 1L, 2L);
    }

    private void delivery(String evidenceId, String stripeEventId) {
        jdbc.update("INSERT INTO stripe_webhook_delivery (evidence_id, stripe_event_id, payload, payload_sha256, "
                + "first_received_at, last_received_at) VALUES (?, ?, '{}', ?, now(), now())", evidenceId,
                stripeEventId, "a".repeat(64));
    }

    @Test
    void anOldDeliveryRowWhoseEvidenceCommandFailedIsMarkedWithoutEvidence() throws Exception {
        migrate("12");
        WebhookEvidenceId recorded = WebhookEvidenceId.forStripeEvent("evt_recorded");
        WebhookEvidenceId orphan = WebhookEvidenceId.forStripeEvent("evt_orphan");
        delivery(recorded.value(), "evt_recorded");
        delivery(orphan.value(), "evt_orphan");
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload) VALUES (?, ?, 0, 'StripeEventEvidence', ?, 'x.Received', "
                + "'{}'::bytea)", UUID.randomUUID().toString(), recorded.value(), Instant.now().toString());

        migrate("latest");

        assertThat(jdbc.queryForList("SELECT evidence_id FROM stripe_webhook_delivery WHERE NOT evidence_recorded",
                String.class)).containsExactly(orphan.value());
    }

    @Test
    void theNewGroupsStartAtTheLowerBoundOfTheOldGroupsTokens() throws Exception {
        migrate("latest");
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection).transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .schema(new AxonStorageConfiguration().eventSchema()).build();

        CheckoutIntentId handledByAll = checkout();
        paidCheckout(engine, handledByAll);
        TrackingToken lowest = head();
        CheckoutIntentId handledBySome = checkout();
        paidCheckout(engine, handledBySome);
        TrackingToken higher = head();
        CheckoutIntentId handledByNone = checkout();
        paidCheckout(engine, handledByNone);
        // the entitlement reaction lagged behind the other two reactions; the checkout view behind the others
        legacyTokens(List.of("entitlement-policy"), lowest);
        legacyTokens(List.of("stripe-event-translation", "commission-policy"), higher);
        legacyTokens(List.of("checkout-view"), lowest);
        legacyTokens(List.of("webhook-evidence-view", "commission-view", "entitlement-view"), higher);

        Map<String, String> properties = ServiceProcess.testProperties(database, FakeStripe.shared(),
                "upgrade-agent-token", "upgrade-agent");
        properties.put("spring.datasource.hikari.maximum-pool-size", "10");
        try (ServiceProcess service = ServiceProcess.start("regroup-upgrade-it", ServiceProcess.freePort(),
                properties)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> granted(handledBySome) == 1
                    && granted(handledByNone) == 1 && viewed(handledBySome) && viewed(handledByNone));
            Thread.sleep(2_000); // the earlier checkout would have been handled by now, in the same batches
            assertThat(granted(handledByAll)).isZero();
            assertThat(viewed(handledByAll)).isFalse();
            assertThat(granted(handledBySome)).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT processor_name FROM token_entry WHERE processor_name IN (?, ?)",
                    String.class, ProcessingGroups.REACTIONS, ProcessingGroups.READ_MODELS)).hasSize(4 + 2); // segments
        }
    }
}
