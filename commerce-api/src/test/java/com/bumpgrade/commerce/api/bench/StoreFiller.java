package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the event store of a stopped service up to a number of events: clones of one real purchase
 * ({@link PurchaseTemplate}) with fresh ids, written by binary COPY from a few streams at once, each COPY of
 * 20,000 purchases its own transaction. Then it reads back every 997th new event and deserializes payload and
 * metadata with the service's storage serializer, runs {@code VACUUM (ANALYZE)} and a {@code CHECKPOINT} (so
 * neither autovacuum nor the flush of the load lands in the measurement), and sets every processor's token of
 * every segment to the new head: the processors skip the clones instead of spending the phase catching up, as a
 * service would that had handled them long ago. The views, the audit trail and the other tables do not grow.
 */
final class StoreFiller {
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final int CLONES_PER_COPY = 20_000;

    record Result(long written, long storeEvents, double loadSeconds, double settleSeconds, int verified,
                  int tokens, String template) {
    }

    private StoreFiller() {
    }

    static Result fill(TestDatabase.Database database, Serializer serializer, long target, int threads)
            throws Exception {
        PurchaseTemplate template;
        long existing;
        long headBefore;
        try (Connection connection = Db.connect(database)) {
            template = PurchaseTemplate.load(connection);
            existing = Db.queryLong(connection, "SELECT count(*) FROM domain_event_entry");
            headBefore = Db.head(connection);
        }
        int perClone = template.events().size();
        long clones = Math.max(0, (target - existing + perClone - 1) / perClone);
        Progress.say("loading %d purchases of %d events (%s) into a store of %d events", clones, perClone,
                template.describe(), existing);
        long start = System.nanoTime();
        long chunks = (clones + CLONES_PER_COPY - 1) / CLONES_PER_COPY;
        AtomicLong next = new AtomicLong();
        Instant base = Instant.now().minusSeconds(clones + 86_400);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                long rows = 0;
                try (Connection connection = Db.connect(database)) {
                    for (long chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                        rows += copy(connection, template, base, chunk * CLONES_PER_COPY,
                                Math.min(clones, (chunk + 1) * CLONES_PER_COPY));
                        if (chunk % 10 == 9) {
                            Progress.say("  %d of %d COPY chunks written", chunk + 1, chunks);
                        }
                    }
                }
                return rows;
            }));
        }
        long written = 0;
        for (Future<Long> writer : writers) {
            written += writer.get();
        }
        pool.shutdown();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Progress.say("wrote %d events in %.1f s", written, loadSeconds);

        long settleStart = System.nanoTime();
        try (Connection connection = Db.connect(database)) {
            int verified = verify(connection, serializer, headBefore);
            Db.execute(connection, "VACUUM (ANALYZE) domain_event_entry");
            Db.execute(connection, "CHECKPOINT");
            long head = Db.head(connection);
            int tokens = tokensTo(connection, serializer, head);
            long storeEvents = Db.queryLong(connection, "SELECT count(*) FROM domain_event_entry");
            double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
            Progress.say("verified %d sampled events, vacuumed, checkpointed, %d tokens set to %d in %.1f s",
                    verified, tokens, head, settleSeconds);
            return new Result(written, storeEvents, loadSeconds, settleSeconds, verified, tokens, template.describe());
        }
    }

    private static long copy(Connection connection, PurchaseTemplate template, Instant base, long from, long to)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (BinaryCopy copy = new BinaryCopy(connection, "domain_event_entry", COLUMNS)) {
            for (long clone = from; clone < to; clone++) {
                String[] ids = template.freshIds(random);
                Instant at = base.plusSeconds(clone);
                int offset = 0;
                for (PurchaseTemplate.Event event : template.events()) {
                    copy.row(event.eventId().fill(ids), event.aggregateId().fill(ids), event.sequence(),
                            event.type(), at.plusMillis(offset++ * 50L).toString(), event.payloadType(),
                            event.revision(), event.payload().bytes(ids),
                            event.metaData() == null ? null : event.metaData().bytes(ids));
                }
            }
            return copy.rows();
        }
    }

    /** Deserializes a sample of the new events as the service would read them; fails the run on any that fails. */
    private static int verify(Connection connection, Serializer serializer, long headBefore) throws Exception {
        int verified = 0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT payload_type, payload_revision, "
                + "payload, meta_data FROM domain_event_entry WHERE global_index > ? AND global_index % 997 = 0")) {
            statement.setLong(1, headBefore);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class,
                            rs.getString(1), rs.getString(2)));
                    MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4),
                            byte[].class, MetaData.class.getName(), null));
                    if (!payload.getClass().getName().equals(rs.getString(1)) || metaData == null) {
                        throw new IllegalStateException("generated event does not read back: " + rs.getString(1));
                    }
                    verified++;
                }
            }
        }
        return verified;
    }

    private static int tokensTo(Connection connection, Serializer serializer, long head) throws Exception {
        SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(head, List.of()),
                byte[].class);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE token_entry SET token = ?, token_type = ?, owner = NULL")) {
            statement.setBytes(1, token.getData());
            statement.setString(2, token.getType().getName());
            return statement.executeUpdate();
        }
    }
}
