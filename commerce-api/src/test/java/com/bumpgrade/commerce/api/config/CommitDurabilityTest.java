package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client was told is flushed before it is told; what processors write may commit asynchronously (D48).
 * Triggers record, for every row written, the {@code synchronous_commit} of the transaction that wrote it.
 */
class CommitDurabilityTest extends WebhookTest {

    @BeforeEach
    void recordCommitModes() {
        jdbc.execute("""
                CREATE TABLE commit_mode_probe (subject TEXT, written TEXT, mode TEXT);
                CREATE FUNCTION probe_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO commit_mode_probe VALUES (NEW.aggregate_identifier,
                        regexp_replace(NEW.payload_type, '.*\\.', ''), current_setting('synchronous_commit'));
                    RETURN NEW;
                END $$;
                CREATE FUNCTION probe_view() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO commit_mode_probe VALUES (NEW.checkout_intent_id, 'view:' || NEW.status,
                        current_setting('synchronous_commit'));
                    RETURN NEW;
                END $$;
                CREATE FUNCTION probe_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO commit_mode_probe VALUES (NEW.subject_id, 'audit:' || NEW.action,
                        current_setting('synchronous_commit'));
                    RETURN NEW;
                END $$;
                CREATE TRIGGER probe_event AFTER INSERT ON domain_event_entry
                    FOR EACH ROW EXECUTE FUNCTION probe_event();
                CREATE TRIGGER probe_view AFTER INSERT OR UPDATE ON checkout_intent_view
                    FOR EACH ROW EXECUTE FUNCTION probe_view();
                CREATE TRIGGER probe_audit AFTER INSERT ON audit_entry
                    FOR EACH ROW EXECUTE FUNCTION probe_audit();""");
    }

    @AfterEach
    void dropProbes() {
        jdbc.execute("""
                DROP TRIGGER probe_event ON domain_event_entry; DROP TRIGGER probe_view ON checkout_intent_view;
                DROP TRIGGER probe_audit ON audit_entry; DROP FUNCTION probe_event(); DROP FUNCTION probe_view();
                DROP FUNCTION probe_audit(); DROP TABLE commit_mode_probe;""");
    }

    private Map<String, String> modes(String subject) {
        Map<String, String> modes = new java.util.TreeMap<>();
        jdbc.query("SELECT written, mode FROM commit_mode_probe WHERE subject = ?",
                rs -> {
                    modes.merge(rs.getString(1), rs.getString(2), (a, b) -> a.equals(b) ? a : "mixed");
                }, subject);
        return modes;
    }

    @Test
    void clientPromisesCommitSynchronouslyAndProcessorsAsynchronously() {
        String intent = openIntent();
        ApiClient.Response ack = deliver(completed(intent));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        String evidenceId = ack.json().path("evidenceId").asText();
        awaitIntent(intent, "paid");
        awaitEvidence(Tokens.OWNER, evidenceId, "processed");
        await().atMost(Duration.ofSeconds(15)).until(() -> modes(intent).containsKey("audit:checkout.payment"));

        // the 201 and the 200 were promises: flushed before they were sent
        assertThat(modes(intent)).containsEntry("CheckoutStarted", "on");
        assertThat(modes(evidenceId)).containsEntry("StripeEventReceived", "on");
        // everything the processors wrote travelled with their tokens
        assertThat(modes(intent)).containsEntry("CheckoutPaid", "off").containsEntry("view:open", "off")
                .containsEntry("view:paid", "off").containsEntry("audit:checkout.payment", "off");
        assertThat(modes(evidenceId)).containsEntry("StripeEventConcluded", "off");
    }
}
