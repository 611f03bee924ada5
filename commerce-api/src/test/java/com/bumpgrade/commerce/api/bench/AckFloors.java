package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an acknowledged webhook can cost at least on this machine, in its two halves measured apart with the
 * service idle: the HTTP half (the same signed payloads, refused at the signature check: HTTP, the filter chain,
 * the body, the HMAC and an answer, nothing stored) and the database half (PostgreSQL alone running the ack's
 * transaction: the delivery row and the evidence event, one commit). Both saturate the same two cores, so an
 * ack that does both cannot be faster than the harmonic sum of the two rates, and never faster than the slower.
 */
final class AckFloors {
    record Result(double httpPerSecond, int httpClients, Histogram httpLatency, Map<Integer, Double> databasePerClients,
                  double cpuOthersPercent) {
        double databaseBest() {
            return databasePerClients.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /** Both halves on the same cores, one after the other per ack. */
        double together() {
            return 1 / (1 / httpPerSecond + 1 / databaseBest());
        }
    }

    private AckFloors() {
    }

    static Result measure(TestDatabase.Database database, Webhooks webhooks, List<String> intents, int clients,
                          int secondsEach, long servicePid, Connection db) throws Exception {
        long stored = storedRows(db);
        Histogram latency = Webhooks.histogram();
        List<String> payloads = intents.stream().map(webhooks::payload).toList();
        CpuShare cpu = CpuShare.start(servicePid, db);
        Webhooks.closedLoop(payloads, clients, webhooks::sendRefused, Webhooks.histogram()); // warm-up
        double http = Webhooks.closedLoop(payloads, clients, webhooks::sendRefused, latency);
        double others = cpu.othersPercent();
        if (storedRows(db) != stored) {
            throw new IllegalStateException("a webhook refused at the signature check stored something");
        }
        Progress.say("HTTP half of an ack (refused at the signature check): %.0f/s, %d clients", http, clients);
        return new Result(http, clients, latency, databaseHalf(database, secondsEach), others);
    }

    private static long storedRows(Connection db) throws SQLException {
        return Db.queryLong(db, "SELECT (SELECT count(*) FROM domain_event_entry) "
                + "+ (SELECT count(*) FROM stripe_webhook_delivery)");
    }

    /** The ack's transaction alone, into copies of its two tables with all their indexes, 1, 8 and 16 clients. */
    private static Map<Integer, Double> databaseHalf(TestDatabase.Database database, int secondsEach)
            throws Exception {
        PostgresBaseline.Row event;
        String payload;
        try (Connection connection = Db.connect(database)) {
            event = PostgresBaseline.sampleRow(connection);
            payload = Db.queryString(connection, "SELECT payload FROM stripe_webhook_delivery "
                    + "ORDER BY first_received_at DESC LIMIT 1");
            Db.execute(connection, "DROP TABLE IF EXISTS bench_ack_event, bench_ack_delivery");
            Db.execute(connection, "CREATE TABLE bench_ack_event (LIKE domain_event_entry INCLUDING ALL)");
            Db.execute(connection, "CREATE TABLE bench_ack_delivery (LIKE stripe_webhook_delivery INCLUDING ALL)");
        }
        Map<Integer, Double> rates = new LinkedHashMap<>();
        PostgresBaseline.Work ack = connection -> ackTransaction(connection, event, payload);
        try {
            PostgresBaseline.rate(database, 8, 1, ack); // warm-up
            for (int clients : PostgresBaseline.CLIENTS) {
                rates.put(clients, PostgresBaseline.rate(database, clients, secondsEach, ack));
                Progress.say("database half of an ack, %d client(s): %.0f transactions/s", clients, rates.get(clients));
            }
        } finally {
            try (Connection connection = Db.connect(database)) {
                Db.execute(connection, "DROP TABLE IF EXISTS bench_ack_event, bench_ack_delivery");
            }
        }
        return rates;
    }

    /** The service's delivery statement (WebhookDeliveries.store) and the evidence event's insert, one commit. */
    private static PostgresBaseline.Client ackTransaction(Connection connection, PostgresBaseline.Row event,
                                                          String payload) throws SQLException {
        connection.setAutoCommit(false);
        PreparedStatement delivery = connection.prepareStatement("""
                INSERT INTO bench_ack_delivery AS d (evidence_id, stripe_event_id, payload, payload_sha256,
                    first_received_at, last_received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (evidence_id) DO UPDATE
                    SET deliveries = d.deliveries + 1, last_received_at = EXCLUDED.last_received_at
                RETURNING (d.xmax = 0) AS inserted, d.payload_sha256, d.evidence_recorded""");
        PostgresBaseline.Client evidence = PostgresBaseline.eventInsert(connection, "bench_ack_event", event);
        return new PostgresBaseline.Client() {
            @Override
            public void once() throws SQLException {
                String id = UUID.randomUUID().toString().replace("-", "");
                Timestamp now = Timestamp.from(Instant.now());
                delivery.setString(1, "whe_" + id);
                delivery.setString(2, "evt_" + id);
                delivery.setString(3, payload);
                delivery.setString(4, id + id);
                delivery.setTimestamp(5, now);
                delivery.setTimestamp(6, now);
                try (ResultSet rs = delivery.executeQuery()) {
                    rs.next();
                }
                evidence.once();
                connection.commit();
            }

            @Override
            public void close() throws SQLException {
                delivery.close();
                evidence.close();
                connection.setAutoCommit(true);
            }
        };
    }
}
