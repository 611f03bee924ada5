package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ack is one transaction: the private delivery row and the public evidence commit together or not at all. */
class WebhookAckTest extends WebhookTest {

    private String unhandled(String eventId) {
        return StripeEvents.event(eventId, "customer.created", StripeEvents.fixture("customer"));
    }

    private List<Integer> deliveries(WebhookEvidenceId evidenceId) {
        return jdbc.queryForList("SELECT deliveries FROM stripe_webhook_delivery WHERE evidence_id = ?",
                Integer.class, evidenceId.value());
    }

    @Test
    void aFirstDeliveryWhoseEvidenceCannotBeAppendedLeavesNoDeliveryRow() {
        String eventId = StripeEvents.newEventId();
        WebhookEvidenceId evidenceId = WebhookEvidenceId.forStripeEvent(eventId);
        // the event store refuses this one aggregate's first event, as a failing disk or a lost connection would
        jdbc.execute("""
                CREATE FUNCTION refuse_%1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.aggregate_identifier = '%1$s' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_%1$s BEFORE INSERT ON domain_event_entry
                    FOR EACH ROW EXECUTE FUNCTION refuse_%1$s();""".formatted(evidenceId.value()));
        ApiClient.Response refused;
        try {
            refused = deliver(unhandled(eventId));
        } finally {
            jdbc.execute("DROP TRIGGER refuse_%1$s ON domain_event_entry; DROP FUNCTION refuse_%1$s();"
                    .formatted(evidenceId.value()));
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(500);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("internal_error");
        assertThat(deliveries(evidenceId)).as("the delivery row rolled back with the evidence").isEmpty();
        EventStream.of(jdbc, evidenceId.value()).expectExactly();

        // Stripe's retry is then the first delivery
        ApiClient.Response retried = deliver(unhandled(eventId));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("duplicate").asBoolean()).isFalse();
        assertThat(deliveries(evidenceId)).containsExactly(1);
        EventStream.of(jdbc, evidenceId.value())
                .awaitAppendedSince(EventStream.NEW, StripeEventReceived.class, StripeEventConcluded.class);
    }

    /**
     * Stripe reads nothing back: its next request about an event is a redelivery, and one sent right after the 200
     * is already answered as the duplicate it is, appending nothing.
     */
    @Test
    void aRedeliveryRightAfterTheAckIsAnsweredAsADuplicate() {
        String eventId = StripeEvents.newEventId();
        WebhookEvidenceId evidenceId = WebhookEvidenceId.forStripeEvent(eventId);
        String payload = unhandled(eventId);

        ApiClient.Response first = deliver(payload);
        ApiClient.Response again = deliver(payload);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("evidenceId").asText()).isEqualTo(evidenceId.value());
        assertThat(deliveries(evidenceId)).containsExactly(2);
        assertThat(EventStream.of(jdbc, evidenceId.value()).all()).first().isEqualTo(StripeEventReceived.class);
        assertThat(eventCount(evidenceId.value(), "StripeEventReceived")).isEqualTo(1);
    }

    @Test
    void aRedeliveryOfAnEarlierReleasesRowWithoutEvidenceRecordsTheEvidence() {
        String eventId = StripeEvents.newEventId();
        WebhookEvidenceId evidenceId = WebhookEvidenceId.forStripeEvent(eventId);
        String payload = unhandled(eventId);
        // what V13 leaves for a row the earlier release committed before its evidence command failed
        jdbc.update("INSERT INTO stripe_webhook_delivery (evidence_id, stripe_event_id, payload, payload_sha256, "
                + "first_received_at, last_received_at, evidence_recorded) VALUES (?, ?, ?, ?, now(), now(), FALSE)",
                evidenceId.value(), eventId, payload, sha256(payload));

        ApiClient.Response redelivered = deliver(payload);

        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
        assertThat(redelivered.json().path("duplicate").asBoolean()).as("its evidence is new").isFalse();
        EventStream.of(jdbc, evidenceId.value())
                .awaitAppendedSince(EventStream.NEW, StripeEventReceived.class, StripeEventConcluded.class);
        assertThat(jdbc.queryForObject("SELECT evidence_recorded FROM stripe_webhook_delivery WHERE evidence_id = ?",
                Boolean.class, evidenceId.value())).isTrue();
        assertThat(deliveries(evidenceId)).containsExactly(2);

        // from then on, a redelivery is a duplicate that appends nothing
        assertThat(deliver(payload).json().path("duplicate").asBoolean()).isTrue();
        EventStream.of(jdbc, evidenceId.value()).expectExactly(StripeEventReceived.class, StripeEventConcluded.class);
        assertThat(deliveries(evidenceId)).containsExactly(3);
    }

    private static String sha256(String payload) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
