package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.projections.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What PostgreSQL itself does on this machine: single-row INSERT transactions (autocommit, so one commit each) of
 * an event-sized row, from 1, 8 and 16 JDBC clients with a connection each, into a copy of
 * {@code domain_event_entry} with all its indexes. The row is a copy of the evidence event an acknowledged webhook
 * writes ({@code StripeEventReceived}, payload and metadata as the service stored them). Measured with the
 * service running and its processors drained.
 */
final class PostgresBaseline {
    static final int[] CLIENTS = {1, 8, 16};

    record Result(int payloadBytes, int metaDataBytes, Map<Integer, Double> ratePerClients) {
        double best() {
            return ratePerClients.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    record Row(String type, String payloadType, byte[] payload, byte[] metaData) {
    }

    private PostgresBaseline() {
    }

    static Result measure(TestDatabase.Database database, int secondsEach) throws Exception {
        Row row;
        try (Connection connection = Db.connect(database)) {
            row = sampleRow(connection);
            Db.execute(connection, "DROP TABLE IF EXISTS bench_event");
            Db.execute(connection, "CREATE TABLE bench_event (LIKE domain_event_entry INCLUDING ALL)");
        }
        Map<Integer, Double> rates = new LinkedHashMap<>();
        try {
            run(database, row, 8, 1); // warm-up: connections, plan cache, the table's first pages
            for (int clients : CLIENTS) {
                rates.put(clients, run(database, row, clients, secondsEach));
                Progress.say("PostgreSQL baseline, %d client(s): %.0f inserts/s", clients, rates.get(clients));
            }
        } finally {
            try (Connection connection = Db.connect(database)) {
                Db.execute(connection, "DROP TABLE IF EXISTS bench_event");
            }
        }
        return new Result(row.payload().length, row.metaData().length, rates);
    }

    static Row sampleRow(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT type, payload_type, payload, meta_data "
                + "FROM domain_event_entry WHERE payload_type LIKE '%.StripeEventReceived' ORDER BY global_index DESC "
                + "LIMIT 1"); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no StripeEventReceived in the store to copy: run the warm-up first");
            }
            return new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
        }
    }

    /**
     * One client's work, opened on its own connection: {@link Client#once} is one transaction of the measured kind.
     */
    interface Work {
        Client open(Connection connection) throws SQLException;
    }

    interface Client extends AutoCloseable {
        void once() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    private static double run(TestDatabase.Database database, Row row, int clients, int seconds) throws Exception {
        return rate(database, clients, seconds, connection -> eventInsert(connection, "bench_event", row));
    }

    /** Transactions of {@code work} per second over {@code seconds}, all clients together. */
    static double rate(TestDatabase.Database database, int clients, int seconds, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(Db.connect(database));
            }
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Future<Long>> counts = new ArrayList<>();
            for (Connection connection : connections) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    try (Client client = work.open(connection)) {
                        while (System.nanoTime() < deadline) {
                            client.once();
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long done = 0;
            for (Future<Long> count : counts) {
                done += count.get();
            }
            return done / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Inserts a fresh copy of the event row into {@code table} per {@link Client#once}, in the caller's transaction. */
    static Client eventInsert(Connection connection, String table, Row row) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                + "VALUES (?, ?, 0, ?, ?, ?, ?, ?)");
        return new Client() {
            @Override
            public void once() throws SQLException {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, "whk_" + id.replace("-", ""));
                insert.setString(3, row.type());
                insert.setString(4, Instant.now().toString());
                insert.setString(5, row.payloadType());
                insert.setBytes(6, row.payload());
                insert.setBytes(7, row.metaData());
                insert.executeUpdate();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }
}
