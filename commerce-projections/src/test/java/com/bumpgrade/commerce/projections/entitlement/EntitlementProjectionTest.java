package com.bumpgrade.commerce.projections.entitlement;

import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.ENTITLEMENT;
import static com.bumpgrade.commerce.projections.support.Stories.entitlement;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code entitlement_view}: access as the last change left it, its version the aggregate's. */
class EntitlementProjectionTest extends ReplayableProjectionTest {

    @Override
    protected Object projection() {
        return new EntitlementProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "entitlement_view", "entitlement_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return entitlement().events();
    }

    @Test
    void aGrantThatWentIntoGraceAndWasSuspendedReadsSuspendedAtTheAggregatesVersion() {
        applyHistory();

        Map<String, Object> row = jdbc.queryForMap("SELECT access, subscription_status, fulfillment_status, version, "
                + "grace_until, jsonb_array_length(evidence_ids) AS evidence FROM entitlement_view "
                + "WHERE entitlement_id = ?", ENTITLEMENT.value());
        assertThat(row).containsEntry("access", "suspended").containsEntry("subscription_status", "past_due")
                .containsEntry("fulfillment_status", "pending").containsEntry("version", 5L)
                .containsEntry("grace_until", null)
                // the grant's and the past_due webhook's; the clock's suspension has none
                .containsEntry("evidence", 2);
    }
}
