package com.bumpgrade.commerce.projections.webhook;

import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.UNKNOWN_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.interleaved;
import static com.bumpgrade.commerce.projections.support.Stories.paidEvidence;
import static com.bumpgrade.commerce.projections.support.Stories.unmatchedEvidence;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code webhook_evidence_view}: one public-safe row per Stripe event. */
class WebhookEvidenceProjectionTest extends ReplayableProjectionTest {

    @Override
    protected Object projection() {
        return new WebhookEvidenceProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "webhook_evidence_view", "evidence_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return interleaved(paidEvidence(), unmatchedEvidence());
    }

    @Test
    void processedEvidenceNamesItsIntentAndUnmatchedEvidenceNoPublisher() {
        applyHistory();

        Map<String, Object> paid = jdbc.queryForMap("SELECT status, publisher_id, subject_id, payload_mismatch, "
                + "version FROM webhook_evidence_view WHERE evidence_id = ?", PAID_EVIDENCE.value());
        assertThat(paid).containsEntry("status", "processed").containsEntry("publisher_id", "demo")
                .containsEntry("subject_id", PAID_CHECKOUT.value()).containsEntry("payload_mismatch", true)
                .containsEntry("version", 4L);
        Map<String, Object> unknown = jdbc.queryForMap("SELECT status, reason, publisher_id "
                + "FROM webhook_evidence_view WHERE evidence_id = ?", UNKNOWN_EVIDENCE.value());
        assertThat(unknown).containsEntry("status", "unmatched").containsEntry("reason", "no_matching_payment")
                .containsEntry("publisher_id", null);
    }
}
