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
     * Stores the first delivery, or counts a redelivery; returns the payload hash of the first delivery. Any
     * conflict means "already stored": concurrent copies may collide on either unique key (the evidence id is
     * derived from the event id).
     */
    public String store(WebhookEvidenceId evidenceId, String stripeEventId, String payload, String sha256,
                        Instant receivedAt) {
        Timestamp at = Timestamp.from(receivedAt);
        int inserted = jdbc.update("""
                        INSERT INTO stripe_webhook_delivery (evidence_id, stripe_event_id, payload, payload_sha256,
                            first_received_at, last_received_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                evidenceId.value(), stripeEventId, payload, sha256, at, at);
        if (inserted == 1) {
            return sha256;
        }
        jdbc.update("UPDATE stripe_webhook_delivery SET deliveries = deliveries + 1, last_received_at = ? "
                + "WHERE stripe_event_id = ?", at, stripeEventId);
        return jdbc.queryForObject("SELECT payload_sha256 FROM stripe_webhook_delivery WHERE stripe_event_id = ?",
                String.class, stripeEventId);
    }

    @Override
    public Optional<String> payload(WebhookEvidenceId evidenceId) {
        return jdbc.query("SELECT payload FROM stripe_webhook_delivery WHERE evidence_id = ?",
                (rs, row) -> rs.getString(1), evidenceId.value()).stream().findFirst();
    }
}
