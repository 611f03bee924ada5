package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProcessorPositions;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The event store's side of the audit verification: which audited events of a publisher, among those the
 * audit-trail processor has already handled, have no entry. Deleting a publisher's whole trail together with its
 * chain head leaves nothing for the chain itself to catch; the events it came from are still in the store.
 */
@Component
public class AuditedEventsInStore {
    /** The projections that write the trail, each auditing its subjects, all in the audit-trail group. */
    public static final List<Class<?>> PROJECTIONS = List.of(AuditTrailProjection.class,
            EntitlementAuditProjection.class, WebhookAuditProjection.class, ReferralAuditProjection.class,
            RevocationAuditProjection.class, CatalogAuditTrail.class, AuditRefusalProjection.class,
            PostPurchaseAuditTrail.class, ProductAssetAuditTrail.class, ProductContentAuditTrail.class);

    /** The audited event types: what the audit projections handle, read from them so the two never drift apart. */
    static final String[] AUDITED_TYPES = PROJECTIONS.stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
            .filter(method -> method.isAnnotationPresent(EventHandler.class))
            .map(Method::getParameterTypes).map(parameters -> parameters[0].getName())
            .distinct().sorted().toArray(String[]::new);

    // the anti-join first (materialized), so only events without an entry have their payload read
    private static final String FIRST_WITHOUT_ENTRY = """
            WITH missing AS MATERIALIZED (
                SELECT e.global_index, e.payload FROM domain_event_entry e
                WHERE e.payload_type = ANY (?) AND e.global_index <= ? AND NOT e.global_index = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.event_id = e.event_identifier))
            SELECT global_index FROM missing
            WHERE convert_from(payload, 'UTF8')::jsonb ->> 'publisherId' = ?
            ORDER BY global_index LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AuditedEventsInStore(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The store position of the publisher's first handled, audited event that has no audit entry. */
    Optional<Long> firstWithoutEntry(String publisher) {
        Optional<GapAwareTrackingToken> handled = handledUpTo();
        if (handled.isEmpty()) {
            return Optional.empty();
        }
        Long[] gaps = handled.get().getGaps().toArray(Long[]::new);
        List<Long> found = jdbc.query(connection -> {
            var statement = connection.prepareStatement(FIRST_WITHOUT_ENTRY);
            statement.setArray(1, connection.createArrayOf("varchar", AUDITED_TYPES));
            statement.setLong(2, handled.get().getIndex());
            statement.setArray(3, connection.createArrayOf("bigint", gaps));
            statement.setString(4, publisher);
            return statement;
        }, (rs, row) -> rs.getLong(1));
        return found.stream().findFirst();
    }

    /** How far the audit-trail processor got: events at or below the index, but for the gaps, are handled. */
    private Optional<GapAwareTrackingToken> handledUpTo() {
        // one segment today; with more, the lowest position is the one every segment has passed
        return ProcessorPositions.of(jdbc, serializer, ProcessingGroups.AUDIT_TRAIL).stream()
                .min(Comparator.comparingLong(GapAwareTrackingToken::getIndex));
    }
}
