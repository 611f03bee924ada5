package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProcessorPositions;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Runs replays on one background thread: prepare the shadow, replay the store up to its head at the start, let the
 * live processors reach at least that far, replay what they handled meanwhile, compare, and record the verdict.
 * A replay that fails is recorded failed with a code, never left running; the shadow schema is always dropped.
 */
@Component
public class ReplayRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);
    private static final Duration LIVE_CATCH_UP = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ReplayStore store;
    private final int pageSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-replay");
        thread.setDaemon(true);
        return thread;
    });

    ReplayRunner(DataSource dataSource, JdbcTemplate jdbc, Serializer serializer, ReplayStore store,
                 @Value("${bumpgrade.replay.page-size:2000}") int pageSize) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.store = store;
        this.pageSize = pageSize;
    }

    void run(ReplayId id, PublisherId publisher) {
        executor.execute(() -> replay(id, publisher));
    }

    private void replay(ReplayId id, PublisherId publisher) {
        try {
            List<TableComparison> tables;
            long replayed;
            try (ReplayRun run = new ReplayRun(dataSource, jdbc, serializer, id.schema(), pageSize)) {
                run.prepare();
                long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                        Long.class);
                long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                        Long.class, head);
                store.phase(id, "replaying", total, head);
                run.replayUpTo(head, done -> store.progress(id, done));
                store.phase(id, "comparing", total, head);
                long live = liveCaughtUpTo(head);
                if (live > run.position()) {
                    long extra = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? "
                            + "AND global_index <= ?", Long.class, run.position(), live);
                    store.phase(id, "comparing", total + extra, live);
                    run.replayUpTo(live, done -> store.progress(id, total + done));
                }
                tables = run.compare(publisher);
                replayed = run.position();
            }
            // finished only once the shadow schema is gone
            String verdict = tables.stream().allMatch(TableComparison::equal) ? "equal" : "differs";
            store.finish(id, verdict, tables);
            log.info("Audit replay {} finished: {} (up to store position {})", id.value(), verdict, replayed);
        } catch (Exception e) {
            log.error("Audit replay {} failed", id.value(), e);
            store.fail(id, "replay_failed");
        }
    }

    /**
     * Waits, bounded, until every live read-model and audit segment has handled the store up to {@code head}, and
     * answers the furthest position a live segment has reached: the live tables then show at least what the
     * shadow does. Past the bound the comparison goes on, and lagging rows show as differences.
     */
    private long liveCaughtUpTo(long head) throws InterruptedException {
        Instant until = Instant.now().plus(LIVE_CATCH_UP);
        while (true) {
            List<GapAwareTrackingToken> tokens = Stream.of(ProcessingGroups.READ_MODELS, ProcessingGroups.AUDIT_TRAIL)
                    .flatMap(group -> ProcessorPositions.of(jdbc, serializer, group).stream()).toList();
            long lowest = tokens.stream().mapToLong(GapAwareTrackingToken::getIndex).min().orElse(-1);
            long highest = tokens.stream().mapToLong(GapAwareTrackingToken::getIndex).max().orElse(head);
            if (lowest >= head || Instant.now().isAfter(until)) {
                return Math.max(head, highest);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
