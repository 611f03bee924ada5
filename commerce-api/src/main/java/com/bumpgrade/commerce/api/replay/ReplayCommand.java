package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.api.config.AxonStorageConfiguration;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.serialization.Serializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The audit replay for operators, from the command line against a database, without starting the service:
 * {@code java -jar commerce-api.jar replay --publisher=demo [--url=jdbc:postgresql://…] [--user=…]
 * [--password=…] [--page-size=2000]} (the connection defaults to {@code SPRING_DATASOURCE_URL},
 * {@code _USERNAME} and {@code _PASSWORD}). It replays the whole store into a shadow schema with a progress
 * bar, compares the publisher's rows with the live tables and exits 0 when all are equal, 1 when one differs and
 * 2 when the replay cannot run.
 */
public final class ReplayCommand {
    private ReplayCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        if (!options.containsKey("publisher") || options.get("url") == null) {
            err.println("usage: replay --publisher=<publisherId> [--url=jdbc:postgresql://host:port/db] [--user=…] "
                    + "[--password=…] [--page-size=2000]; --url defaults to SPRING_DATASOURCE_URL");
            return 2;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(options.get("url"));
        dataSource.setUser(options.get("user"));
        dataSource.setPassword(options.get("password"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Serializer serializer = AxonStorageConfiguration.storageSerializer();
        String schema = "replay_cli_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (ReplayRun run = new ReplayRun(dataSource, jdbc, serializer, schema,
                Integer.parseInt(options.getOrDefault("page-size", "2000")))) {
            PublisherId publisher = PublisherId.of(options.get("publisher"));
            long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
            long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            run.prepare();
            ProgressBar bar = new ProgressBar(err, total);
            run.replayUpTo(head, bar::show);
            bar.done();
            List<TableComparison> tables = run.compare(publisher);
            for (TableComparison table : tables) {
                out.printf("%-24s %-7s live %d, replayed %d%s%n", table.table(), table.equal() ? "equal" : "DIFFERS",
                        table.liveRows(), table.replayedRows(),
                        table.equal() ? "" : ", differing keys " + table.differingKeys());
            }
            boolean equal = tables.stream().allMatch(TableComparison::equal);
            out.println(equal ? "verdict: equal" : "verdict: differs (rows the live processors had not yet handled "
                    + "show as differences: stop the service or run it again)");
            return equal ? 0 : 1;
        } catch (Exception e) {
            err.println("replay failed: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        options.put("url", System.getenv("SPRING_DATASOURCE_URL"));
        options.put("user", System.getenv("SPRING_DATASOURCE_USERNAME"));
        options.put("password", System.getenv("SPRING_DATASOURCE_PASSWORD"));
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    /** A one-line bar on the terminal: share done, events, rate and time left, redrawn at most 10 times a second. */
    static final class ProgressBar {
        private final PrintStream err;
        private final long total;
        private final long start = System.nanoTime();
        private long lastDraw;
        private long done;

        ProgressBar(PrintStream err, long total) {
            this.err = err;
            this.total = Math.max(1, total);
        }

        void show(long eventsDone) {
            done = eventsDone;
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L) {
                lastDraw = now;
                draw(now);
            }
        }

        void done() {
            draw(System.nanoTime());
            err.println();
        }

        private void draw(long now) {
            double seconds = Math.max(0.001, (now - start) / 1e9);
            double rate = done / seconds;
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            err.printf("\r[%s%s] %3d%% %,d/%,d events %,.0f/s, %s left", "#".repeat(filled), ".".repeat(width - filled),
                    100 * done / total, done, total, rate, rate > 0 ? Math.round((total - done) / rate) + " s" : "?");
        }
    }
}
