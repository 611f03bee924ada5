package com.bumpgrade.commerce.projections.webhook;

import com.bumpgrade.commerce.domain.webhook.StripeEventAttributed;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventPayloadMismatchFlagged;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.StripeEventRedriveRequested;
import com.bumpgrade.commerce.domain.webhook.WhichWebhookEvidence;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds {@code webhook_evidence_view}. Events still failing translation are shown from Axon's dead-letter queue
 * of the reactions group (the Stripe event translation lives there; its letters carry the evidence id): {@code failed} while automatic retries remain, {@code dead-lettered} after.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class WebhookEvidenceProjection {

    private static final Pattern FAILURE_CODE = Pattern.compile("[a-z0-9_]{1,64}");

    private final ProjectionJdbc jdbc;

    public WebhookEvidenceProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StripeEventReceived event, @SequenceNumber long sequence) {
        jdbc.write("""
                        INSERT INTO webhook_evidence_view (evidence_id, event_type, livemode, api_version,
                            stripe_created_at, received_at, payload_sha256, verification, status, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
                        ON CONFLICT (evidence_id) DO NOTHING""",
                event.evidenceId().value(), event.eventType(), event.livemode(), event.apiVersion(),
                event.stripeCreatedAt() == null ? null : Timestamp.from(event.stripeCreatedAt()),
                Timestamp.from(event.receivedAt()), event.payloadSha256(),
                event.verification().name().toLowerCase(Locale.ROOT), sequence);
    }

    @EventHandler
    void on(StripeEventPayloadMismatchFlagged event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE webhook_evidence_view SET payload_mismatch = TRUE, version = ? "
                + "WHERE evidence_id = ? AND version < ?", sequence, event.evidenceId().value(), sequence);
    }

    @EventHandler
    void on(StripeEventAttributed event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE webhook_evidence_view SET publisher_id = ?, subject_type = ?, subject_id = ?, version = ? "
                        + "WHERE evidence_id = ? AND version < ?", event.publisherId().value(), event.subjectType(),
                event.subjectId(), sequence, event.evidenceId().value(), sequence);
    }

    @EventHandler
    void on(StripeEventRedriveRequested event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE webhook_evidence_view SET version = ? WHERE evidence_id = ? AND version < ?",
                sequence, event.evidenceId().value(), sequence);
    }

    @EventHandler
    void on(StripeEventConcluded event, @SequenceNumber long sequence) {
        jdbc.write("""
                        UPDATE webhook_evidence_view SET status = ?, reason = ?,
                            publisher_id = coalesce(publisher_id, ?), subject_type = coalesce(subject_type, ?),
                            subject_id = coalesce(subject_id, ?), concluded_at = ?, version = ?
                        WHERE evidence_id = ? AND version < ?""",
                event.outcome().publicName(), event.reason(),
                event.publisherId() == null ? null : event.publisherId().value(), event.subjectType(),
                event.subjectId(), Timestamp.from(event.concludedAt()), sequence, event.evidenceId().value(),
                sequence);
    }

    @ResetHandler
    void onReset() {
        jdbc.write("TRUNCATE webhook_evidence_view");
    }

    @QueryHandler
    public List<WebhookEvidenceView> answer(WhichWebhookEvidence query) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM (
                  SELECT v.*, coalesce(d.attempts, 0) AS attempts, d.failure, d.attempts IS NOT NULL AS lettered,
                         CASE WHEN d.attempts IS NOT NULL AND v.status = 'received'
                              THEN CASE WHEN d.attempts >= ? THEN 'dead-lettered' ELSE 'failed' END
                              ELSE v.status END AS effective_status
                  FROM webhook_evidence_view v
                  LEFT JOIN LATERAL (
                    SELECT max(coalesce((convert_from(e.diagnostics, 'UTF8')::jsonb ->> 'retries')::int, 1))
                               AS attempts,
                           max(convert_from(e.diagnostics, 'UTF8')::jsonb ->> 'failure') AS failure
                    FROM dead_letter_entry e
                    WHERE e.processing_group = ? AND e.aggregate_identifier = v.evidence_id
                    HAVING count(*) > 0) d ON TRUE
                  WHERE """);
        List<Object> args = new ArrayList<>(List.of(query.maxAttempts(), ProcessingGroups.REACTIONS));
        if (query.publisherId() == null) {
            sql.append(" v.publisher_id IS NULL");
        } else {
            sql.append(" v.publisher_id = ?");
            args.add(query.publisherId().value());
        }
        sql.append(") x WHERE TRUE");
        if (query.status() != null) {
            sql.append(" AND effective_status = ?");
            args.add(query.status());
        }
        if (query.eventType() != null) {
            sql.append(" AND event_type = ?");
            args.add(query.eventType());
        }
        if (query.evidenceId() != null) {
            sql.append(" AND evidence_id = ?");
            args.add(query.evidenceId());
        }
        sql.append(" ORDER BY received_at DESC, evidence_id LIMIT ?");
        args.add(Math.max(1, Math.min(query.limit(), 500)));
        // read-your-writes for the listing, the only read of evidence (a re-drive's next GET)
        return ReadYourWrites.awaitRowsCaughtUp(jdbc, "webhook_evidence_view", "evidence_id",
                () -> jdbc.query(sql.toString(), WebhookEvidenceProjection::map, args.toArray()),
                WebhookEvidenceView::evidenceId, WebhookEvidenceView::version);
    }

    private static WebhookEvidenceView map(ResultSet rs, int row) throws SQLException {
        // only a stable code leaves: never the exception's class or message that Axon keeps with the letter
        String failure = rs.getString("failure");
        String lastFailure = failure != null && FAILURE_CODE.matcher(failure).matches() ? failure
                : rs.getBoolean("lettered") ? "handler_failed" : null;
        return new WebhookEvidenceView(rs.getString("evidence_id"), rs.getString("event_type"),
                rs.getBoolean("livemode"), rs.getString("api_version"), instant(rs, "stripe_created_at"),
                instant(rs, "received_at"), rs.getString("payload_sha256"), rs.getString("verification"),
                rs.getString("effective_status"), rs.getString("reason"), rs.getString("publisher_id"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getBoolean("payload_mismatch"),
                instant(rs, "concluded_at"), rs.getLong("version"), rs.getInt("attempts"),
                lastFailure);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
