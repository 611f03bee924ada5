package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.config.StorageSerializer;
import com.bumpgrade.commerce.api.replay.ReplayRun;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceProcess;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * The replay benchmark of issue 11 (docs/performance.md): a store of {@code bench.storeEvents} events (real
 * purchases recorded by the service, then cloned by {@link StoreFiller}), read back twice by PostgreSQL's own
 * ordered {@code COPY … TO STDOUT} of the event table (the baseline: the raw ordered read rate), then replayed by
 * the audit replay's engine ({@link ReplayRun}, as {@code POST /api/commerce/audit/replays} and the replay command
 * run it) into a shadow schema. Prints both rates and their ratio (goal: at least 0.3).
 */
public final class ReplayBenchmark {
    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";

    private ReplayBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(Long.getLong("bench.storeEvents", 1_000_000), Integer.getInteger("bench.pageSize", 2000));
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the fake Stripe's server threads would keep the JVM alive
    }

    private static void run(long storeEvents, int pageSize) throws Exception {
        TestDatabase.Database database = TestDatabase.get();
        Serializer serializer = StorageSerializer.create();
        FakeStripe stripe = FakeStripe.shared();
        Map<String, String> properties = ServiceProcess.testProperties(database, stripe, WebhookBenchmark.TOKEN,
                "bench-agent");
        properties.put("logging.level.root", "warn");
        try (ServiceProcess service = ServiceProcess.start("bench-replay-service", ServiceProcess.freePort(),
                properties); Connection db = Db.connect(database)) {
            ApiClient api = new ApiClient(service.port());
            List<String> intents = Checkouts.open(api, 200, 8, false).intents();
            new Webhooks(api, stripe).fullSpeed(intents, 8, Webhooks.histogram());
            Drain.await(db, serializer, "the purchases");
            service.stop();
        }
        StoreFiller.fill(database, serializer, storeEvents, 2);

        double copyRate = 0;
        long events;
        try (Connection db = Db.connect(database)) {
            events = Db.queryLong(db, "SELECT count(*) FROM domain_event_entry");
            for (int read = 1; read <= 2; read++) {
                long start = System.nanoTime();
                long rows = db.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + COLUMNS
                        + " FROM domain_event_entry ORDER BY global_index) TO STDOUT", OutputStream.nullOutputStream());
                double rate = rows / ((System.nanoTime() - start) / 1e9);
                Progress.say("COPY ordered read %d: %,d events at %,.0f/s", read, rows, rate);
                copyRate = Math.max(copyRate, rate);
            }
        }

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long start = System.nanoTime();
        try (ReplayRun replay = new ReplayRun(dataSource, jdbc, serializer, "replay_benchmark", pageSize)) {
            replay.prepare();
            long[] reported = {0};
            replay.replayUpTo(head, done -> {
                if (done - reported[0] >= 100_000) {
                    reported[0] = done;
                    Progress.say("  replayed %,d events", done);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double replayRate = events / seconds;
        System.out.printf("%nreplay of %,d events (page size %d): %.1f s = %,.0f events/s%n", events, pageSize,
                seconds, replayRate);
        System.out.printf("PostgreSQL COPY ordered read of the same table: %,.0f events/s (best of 2)%n", copyRate);
        System.out.printf("ratio: %.3f (goal: at least 0.3)%n", replayRate / copyRate);
    }
}
