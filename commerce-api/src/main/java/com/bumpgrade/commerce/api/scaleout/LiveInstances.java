package com.bumpgrade.commerce.api.scaleout;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;

/**
 * Which instances are running on this database: each writes a heartbeat, by the database's clock so instances'
 * clocks need not agree. An instance holding no segment has no row in {@code token_entry}, so the claims alone
 * cannot tell that it is there and waiting for work.
 */
@Repository
public class LiveInstances {
    private final JdbcTemplate jdbc;

    public LiveInstances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void heartbeat(InstanceId instance) {
        jdbc.update("INSERT INTO service_instance (instance_id, seen_at) VALUES (?, now()) "
                + "ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()", instance.value());
    }

    /** Instances seen within {@code window}, this one included once it has written its heartbeat. */
    public int count(Duration window) {
        Integer live = jdbc.queryForObject("SELECT count(*) FROM service_instance "
                + "WHERE seen_at > now() - make_interval(secs => ?)", Integer.class, window.toMillis() / 1000.0);
        return live == null ? 0 : live;
    }

    /** Rows of instances gone for much longer than {@code window} are only noise. */
    public void forgetSilentFor(Duration window) {
        jdbc.update("DELETE FROM service_instance WHERE seen_at < now() - make_interval(secs => ?)",
                window.toMillis() / 1000.0);
    }

    public void leave(InstanceId instance) {
        jdbc.update("DELETE FROM service_instance WHERE instance_id = ?", instance.value());
    }
}
