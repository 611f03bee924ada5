package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The server-private copy of every delivered Stripe event: raw payload and Stripe event id, keyed by the event
 * id. Like the reference vault, nothing here is ever returned or logged.
 */
@Repository
public class WebhookDeliveries implements DeliveredPayloads {
    private final JdbcTemplate jdbc;

    public WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the first delivery, or counts a redelivery, in one statement of the caller's transaction. A concurrent
     * copy of a first delivery waits on the unique key until the first one's transaction ends, and then counts as a
     * redelivery (or inserts, if that transaction rolled back). The evidence id, a one-way hash of the event id, is
     * the table's only unique key (V16): ON CONFLICT arbitrates one index, and a second one made concurrent first
     * deliveries fail with a duplicate key.
     */
    public Delivery store(WebhookEvidenceId evidenceId, String stripeEventId, String payload, String sha256,
                          Instant receivedAt) {
        Timestamp at = Timestamp.from(receivedAt);
        // xmax = 0 only on the row version this statement inserted; an updated row carries this transaction's id
        return jdbc.queryForObject("""
                        INSERT INTO stripe_webhook_delivery AS d (evidence_id, stripe_event_id, payload, payload_sha256,
                            first_received_at, last_received_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (evidence_id) DO UPDATE
                            SET deliveries = d.deliveries + 1, last_received_at = EXCLUDED.last_received_at
                        RETURNING (d.xmax = 0) AS inserted, d.payload_sha256, d.evidence_recorded""",
                (rs, row) -> new Delivery(rs.getBoolean(1), rs.getString(2), rs.getBoolean(3)),
                evidenceId.value(), stripeEventId, payload, sha256, at, at);
    }

    /** A delivery row of the earlier release that had no evidence has it now (same transaction as the evidence). */
    public void evidenceRecorded(WebhookEvidenceId evidenceId) {
        jdbc.update("UPDATE stripe_webhook_delivery SET evidence_recorded = TRUE WHERE evidence_id = ?",
                evidenceId.value());
    }

    /**
     * What the delivery row says: whether this delivery inserted it, the payload hash of the first delivery, and
     * whether the evidence exists (false only for rows written before the ack was one transaction, V13).
     */
    public record Delivery(boolean first, String firstPayloadSha256, boolean evidenceRecorded) {
    }

    @Override
    public Optional<String> payload(WebhookEvidenceId evidenceId) {
        return jdbc.query("SELECT payload FROM stripe_webhook_delivery WHERE evidence_id = ?",
                (rs, row) -> rs.getString(1), evidenceId.value()).stream().findFirst();
    }
}
