package com.bumpgrade.commerce.projections.entitlement;

import com.bumpgrade.commerce.domain.entitlement.BillingPortalFailed;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.SubscriptionStateConfirmed;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentClosed;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.domain.entitlement.WhichEntitlements;
import com.bumpgrade.commerce.domain.entitlement.WhichEntitlementsOfCustomer;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds {@code entitlement_view}; guarded by sequence numbers like every projection here. */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class EntitlementProjection {

    /**
     * The money of the purchase (refunds, open disputes) is the checkout's, and the revocation status the intent's:
     * both are read from their own views, so neither depends on the order in which the group applies events.
     */
    private static final String SELECT = """
            SELECT e.*, c.refunded_minor, c.open_disputes,
                coalesce(r.status, e.revocation_status) AS current_revocation_status FROM entitlement_view e
            LEFT JOIN checkout_intent_view c ON c.checkout_intent_id = e.checkout_intent_id
            LEFT JOIN revocation_intent_view r ON r.revocation_intent_id = e.revocation_intent_id
            """;

    private final ProjectionJdbc jdbc;

    public EntitlementProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EntitlementGranted event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.grantedAt());
        jdbc.write("""
                        INSERT INTO entitlement_view (entitlement_id, publisher_id, checkout_intent_id, offer_id,
                            customer_id, access, evidence_ids, version, granted_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (entitlement_id) DO NOTHING""",
                event.entitlementId().value(), event.publisherId().value(), event.checkoutIntentId().value(),
                event.offerId().value(), event.customerId().value(), event.access().publicName(),
                JsonColumns.write(List.of(event.evidenceId().value())), sequence, at, at);
    }

    @EventHandler
    void on(FulfillmentQueued event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE entitlement_view SET fulfillment_status = ?, version = ?, updated_at = ? "
                        + "WHERE entitlement_id = ? AND version < ?", event.fulfillmentStatus(), sequence,
                Timestamp.from(event.queuedAt()), event.entitlementId().value(), sequence);
    }

    @EventHandler
    void on(EntitlementAccessChanged event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE entitlement_view SET access = ?, subscription_status = ?, access_until = ?, "
                        + "grace_until = ?, last_stripe_state_at = ?, version = ?, updated_at = ?, "
                        + "evidence_ids = evidence_ids || ?::jsonb WHERE entitlement_id = ? AND version < ?",
                event.to().publicName(), event.subscriptionStatus(),
                event.accessUntil() == null ? null : Timestamp.from(event.accessUntil()),
                event.graceUntil() == null ? null : Timestamp.from(event.graceUntil()),
                event.observedAt() == null ? null : Timestamp.from(event.observedAt()), sequence,
                Timestamp.from(event.changedAt()),
                JsonColumns.write(event.evidenceId() == null ? List.of() : List.of(event.evidenceId().value())),
                event.entitlementId().value(), sequence);
    }

    @EventHandler
    void on(SubscriptionStateConfirmed event, @SequenceNumber long sequence) {
        // keeps the view's version equal to the aggregate's, for If-Match
        jdbc.write("UPDATE entitlement_view SET version = ? WHERE entitlement_id = ? AND version < ?",
                sequence, event.entitlementId().value(), sequence);
    }

    @EventHandler
    void on(BillingPortalOpened event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE entitlement_view SET version = ?, updated_at = ? WHERE entitlement_id = ? AND version < ?",
                sequence, Timestamp.from(event.openedAt()), event.entitlementId().value(), sequence);
    }

    @EventHandler
    void on(RevocationIntentOpened event, @SequenceNumber long sequence) {
        // access is untouched: an intent is a record, not a removal
        jdbc.write("UPDATE entitlement_view SET revocation_intent_id = ?, revocation_status = ?, "
                        + "version = ?, updated_at = ? WHERE entitlement_id = ? AND version < ?",
                event.revocationIntentId().value(), event.proposed() ? "proposed" : "recorded", sequence,
                Timestamp.from(event.at()), event.entitlementId().value(), sequence);
    }

    @EventHandler
    void on(RevocationIntentClosed event, @SequenceNumber long sequence) {
        // the closed intent stays named on the view with its final status; only the version moves
        jdbc.write("UPDATE entitlement_view SET version = ?, updated_at = ? WHERE entitlement_id = ? AND version < ?",
                sequence, Timestamp.from(event.at()), event.entitlementId().value(), sequence);
    }

    /** Changes nothing shown but the version, which If-Match and read-your-writes compare with the stream's. */
    @EventHandler
    void on(BillingPortalFailed event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE entitlement_view SET version = ?, updated_at = ? WHERE entitlement_id = ? AND version < ?",
                sequence, Timestamp.from(event.failedAt()), event.entitlementId().value(), sequence);
    }

    @ResetHandler
    void onReset() {
        jdbc.write("TRUNCATE entitlement_view");
    }

    @QueryHandler
    public List<EntitlementView> answer(WhichEntitlements query) {
        return jdbc.query(SELECT + "WHERE e.publisher_id = ? AND e.checkout_intent_id = ? ORDER BY e.offer_id",
                EntitlementProjection::map, query.publisherId().value(), query.checkoutIntentId().value());
    }

    /** A buyer's grants, newest first; one buyer holds few, so the list is not paged. */
    @QueryHandler
    public List<EntitlementView> answer(WhichEntitlementsOfCustomer query) {
        return jdbc.query(SELECT + "WHERE e.publisher_id = ? AND e.customer_id = ? "
                        + "ORDER BY e.granted_at DESC, e.entitlement_id DESC", EntitlementProjection::map,
                query.publisherId().value(), query.customerId().value());
    }

    @QueryHandler
    public Optional<EntitlementView> answer(WhatIsEntitlement query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "entitlement_view", "entitlement_id", query.entitlementId().value());
        return jdbc.query(SELECT + "WHERE e.publisher_id = ? AND e.entitlement_id = ?",
                EntitlementProjection::map, query.publisherId().value(), query.entitlementId().value())
                .stream().findFirst();
    }

    private static EntitlementView map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("access_until");
        return new EntitlementView(rs.getString("entitlement_id"), rs.getString("publisher_id"),
                rs.getString("checkout_intent_id"), rs.getString("offer_id"), rs.getString("customer_id"),
                rs.getString("access"), until == null ? null : until.toInstant(), rs.getString("subscription_status"),
                instant(rs, "grace_until"), rs.getString("fulfillment_status"),
                rs.getLong("version"), JsonColumns.readList(rs.getString("evidence_ids"), String.class),
                instant(rs, "granted_at"), instant(rs, "updated_at"), rs.getLong("refunded_minor"),
                rs.getInt("open_disputes"), revocation(rs));
    }

    /** Until the intent's own row exists, its status is the one it opened with. */
    private static EntitlementView.Revocation revocation(ResultSet rs) throws SQLException {
        String id = rs.getString("revocation_intent_id");
        if (id == null) {
            return null;
        }
        return new EntitlementView.Revocation(id, rs.getString("current_revocation_status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
