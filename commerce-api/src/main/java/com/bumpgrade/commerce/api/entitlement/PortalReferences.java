package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.PortalReference;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The references in buyers' portal links ({@link PortalReference}). Each is issued once, opens its portal session
 * once, and only within its time to live; the table keeps only a digest of it (V11).
 */
@Repository
public class PortalReferences {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PortalReferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new reference to the portal session, usable once within {@code ttl}; only its digest is stored. */
    public PortalReference issue(PortalSessionId session, EntitlementId entitlement, PublisherId publisher,
                                 Duration ttl) {
        PortalReference ref = PortalReference.random();
        Instant now = clock.instant();
        jdbc.update("""
                        INSERT INTO portal_reference (ref_digest, portal_session_id, entitlement_id, publisher_id,
                            created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)""",
                DerivedIds.sha256Hex(ref.value()), session.value(), entitlement.value(), publisher.value(),
                Timestamp.from(now), Timestamp.from(now.plus(ttl)));
        return ref;
    }

    /**
     * Uses the reference up, in one statement, so two concurrent requests cannot both win; the session it opens,
     * or empty when the reference is unknown, already used or expired (the caller cannot tell which).
     */
    public Optional<PortalSessionId> consume(PortalReference ref) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("""
                        UPDATE portal_reference SET used_at = ?
                        WHERE ref_digest = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING portal_session_id""",
                (rs, row) -> PortalSessionId.of(rs.getString(1)), now, DerivedIds.sha256Hex(ref.value()), now)
                .stream().findFirst();
    }

    /** Rows of long-dead references are only clutter. */
    @Scheduled(fixedDelayString = "${bumpgrade.entitlements.portal-reference-sweep-interval:PT1H}",
            initialDelayString = "${bumpgrade.entitlements.portal-reference-sweep-interval:PT1H}")
    void sweep() {
        jdbc.update("DELETE FROM portal_reference WHERE expires_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }
}
