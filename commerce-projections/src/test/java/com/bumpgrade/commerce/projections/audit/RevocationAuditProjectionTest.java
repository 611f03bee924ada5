package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.projections.support.Projector;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.FULL_REFUND_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static org.assertj.core.api.Assertions.assertThat;

/** Every revocation intent transition is one chained, redacted entry; delivered again, nothing changes. */
class RevocationAuditProjectionTest {
    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final AuditTrail trail = new AuditTrail(jdbc, ProjectionDatabase.get().transactions(),
            new AuditedEventsInStore(jdbc, JacksonSerializer.defaultSerializer()));
    private final Tables tables = Tables.of(jdbc, "audit_entry", "sequence", "audit_chain_head", "publisher_id");
    private final List<DomainEventMessage<?>> history = Projector.atStorePositions(
            com.bumpgrade.commerce.projections.revocation.RevocationAuditStories.history());

    @BeforeEach
    void emptyTrail() {
        tables.truncate();
    }

    @Test
    void eachTransitionIsOneEntryWithItsActorAndTheProposalsEvidence() {
        Projector projector = new Projector(new RevocationAuditProjection(trail));
        projector.apply(history);
        Map<String, List<String>> once = tables.rows();
        projector.apply(history);

        assertThat(tables.rows()).isEqualTo(once);
        assertThat(jdbc.queryForList("SELECT action || ' ' || result || ' ' || actor || ' ' "
                        + "|| coalesce(source_evidence_id, '-') FROM audit_entry WHERE publisher_id = ? "
                        + "AND subject_type = 'revocation_intent' ORDER BY sequence", String.class,
                PUBLISHER.value())).containsExactlyInAnyOrder(
                "revocation.propose proposed stripe " + FULL_REFUND_EVIDENCE.value(),
                "revocation.confirm recorded owner-demo -",
                "revocation.cancel cancelled owner-demo -",
                "revocation.record recorded owner-demo -");
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }
}
