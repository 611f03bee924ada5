package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.List;

/** The audit group's projections over one trail and its two tables, for the trail's specifications. */
abstract class AuditProjectionsTest extends ReplayableProjectionTest {
    protected final AuditTrail trail = new AuditTrail(jdbc, ProjectionDatabase.get().transactions(),
            new AuditedEventsInStore(jdbc, JacksonSerializer.defaultSerializer()));

    @Override
    protected Object projection() {
        return List.of(new AuditTrailProjection(trail), new EntitlementAuditProjection(trail),
                new WebhookAuditProjection(trail), new ReferralAuditProjection(trail), new AuditRefusalProjection(trail));
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "audit_entry", "sequence", "audit_chain_head", "publisher_id");
    }
}
