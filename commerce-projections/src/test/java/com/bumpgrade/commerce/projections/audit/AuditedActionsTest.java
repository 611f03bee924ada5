package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalFailed;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickRecorded;
import com.bumpgrade.commerce.domain.refusal.BillingWriteRefused;
import com.bumpgrade.commerce.domain.refusal.RefusedWritesId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.referral.PartnerRecordId;
import com.bumpgrade.commerce.domain.referral.PartnerRegistered;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.StripeEventAttributed;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventPayloadMismatchFlagged;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.StripeEventRedriveRequested;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.bumpgrade.commerce.projections.support.Stories.CLICK;
import static com.bumpgrade.commerce.projections.support.Stories.ENTITLEMENT;
import static com.bumpgrade.commerce.projections.support.Stories.OWNER;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PARTNER;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;
import static com.bumpgrade.commerce.projections.support.Stories.entitlement;
import static com.bumpgrade.commerce.projections.support.Stories.paidCheckout;
import static com.bumpgrade.commerce.projections.support.Stories.unmatchedEvidence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entries of the actions audited since every billing action must be (issue 11): each with its exact actor,
 * client, correlation id, subject, result and detail. Evidence without a publisher has no entry.
 */
class AuditedActionsTest extends AuditProjectionsTest {
    private static final WebhookEvidenceId REJECTED = WebhookEvidenceId.forStripeEvent("evt_1Rejected");
    private static final WebhookEvidenceId IGNORED = WebhookEvidenceId.forStripeEvent("evt_1Ignored");
    private static final WebhookEvidenceId REDRIVEN = WebhookEvidenceId.forStripeEvent("evt_1Redriven");
    private static final String TYPE = "checkout.session.completed";
    private static final BillingContext VISITOR = new BillingContext(ActorId.of("visitor"), "public",
            ClientAttribution.of("referral-link"), CorrelationId.of(CLICK.value()), null);
    private static final PortalSessionId SESSION = PortalSessionId.forRequest(ENTITLEMENT, OWNER.actor(),
            OWNER.idempotencyKey());
    private static final RefusedWritesId REFUSALS = RefusedWritesId.forDay(PUBLISHER, at(14));
    private static final PartnerRecordId BOB = PartnerRecordId.forPartner(PUBLISHER, PartnerId.of("partner-bob"));

    @Override
    protected List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.addAll(paidCheckout().events().subList(0, 2)); // started, referral attributed
        events.addAll(entitlement().events().subList(0, 2)); // granted, fulfilment queued
        events.addAll(evidence(REJECTED)
                .then(new StripeEventConcluded(REJECTED, TYPE, EvidenceOutcome.REJECTED, "amount_mismatch", PUBLISHER,
                        "checkout_intent", PAID_CHECKOUT.value(), at(6), null), at(6))
                .then(new StripeEventPayloadMismatchFlagged(REJECTED, "d".repeat(64), at(7), PUBLISHER), at(7))
                .events());
        events.addAll(evidence(IGNORED)
                .then(new StripeEventConcluded(IGNORED, TYPE, EvidenceOutcome.IGNORED, "already_paid", PUBLISHER,
                        "checkout_intent", PAID_CHECKOUT.value(), at(8), null), at(8)).events());
        events.addAll(evidence(REDRIVEN)
                .then(new StripeEventRedriveRequested(REDRIVEN, TYPE, PUBLISHER, OWNER, at(9)), at(9))
                .then(new StripeEventConcluded(REDRIVEN, TYPE, EvidenceOutcome.PROCESSED, "paid", PUBLISHER,
                        "checkout_intent", PAID_CHECKOUT.value(), at(10), OWNER), at(10)).events());
        events.addAll(unmatchedEvidence().events());
        events.addAll(AggregateStream.of("Partner", BOB.value()).then(new PartnerRegistered(BOB, PUBLISHER,
                PartnerId.of("partner-bob"), "Bob Partner", "BOB10", 1500, OWNER, at(11)), at(11)).events());
        events.addAll(AggregateStream.of("ReferralClick", CLICK.value()).then(new ReferralClickRecorded(CLICK,
                PUBLISHER, PARTNER, VISITOR, at(12)), at(12)).events());
        events.addAll(AggregateStream.of("Entitlement", ENTITLEMENT.value()).then(new BillingPortalFailed(ENTITLEMENT,
                PUBLISHER, SESSION, "stripe_unavailable", OWNER, at(13)), at(13)).events());
        events.addAll(AggregateStream.of("RefusedWrites", REFUSALS.value()).then(new BillingWriteRefused(REFUSALS,
                PUBLISHER, "commission.release", "not_on_hold", "com_1", OWNER, at(14)), at(14))
                .then(new BillingWriteRefused(REFUSALS, PUBLISHER, "checkout.start", "unknown_referral_click", null,
                        OWNER, at(15)), at(15)).events());
        return events;
    }

    private static AggregateStream evidence(WebhookEvidenceId id) {
        return AggregateStream.of("StripeEventEvidence", id.value())
                .then(new StripeEventReceived(id, TYPE, false, null, at(4), at(5), "a".repeat(64),
                        Verification.VERIFIED), at(5))
                .then(new StripeEventAttributed(id, PUBLISHER, "checkout_intent", PAID_CHECKOUT.value(), at(5)), at(5));
    }

    @Test
    void eachActionIsOneEntryWithItsActorClientCorrelationAndSubject() {
        applyHistory();

        String owner = "owner-demo|owner|bumpgrade-dashboard|corr-owner";
        // the order is the store's (chain positions), which is the history's
        assertThat(jdbc.queryForList("""
                SELECT action || ' ' || result || ' ' || actor || '|' || actor_role || '|' || client || '|'
                    || correlation_id || ' ' || subject_type || ':' || subject_id || ' '
                    || coalesce(source_evidence_id, '-') || ' ' || detail::text
                FROM audit_entry ORDER BY chain_position""", String.class)).containsExactly(
                "checkout.start accepted agent-007|agent|api-test|corr-agent checkout_intent:" + PAID_CHECKOUT.value()
                        + " - {\"lines\": 2, \"offerId\": \"launch-pass\", \"currency\": \"USD\", \"totalMinor\": 1400, "
                        + "\"orderBumpOfferIds\": [\"launch-templates\"]}",
                "checkout.referral attributed agent-007|agent|api-test|corr-agent checkout_intent:"
                        + PAID_CHECKOUT.value() + " - {\"partnerId\": \"partner-ada\", \"referralClickId\": \""
                        + CLICK.value() + "\", \"commissionBasisPoints\": 3000}",
                "entitlement.grant active stripe|stripe|stripe-webhook|" + PAID_EVIDENCE.value() + " entitlement:"
                        + ENTITLEMENT.value() + " " + PAID_EVIDENCE.value() + " {\"offerId\": \"launch-pass\", "
                        + "\"subject\": \"" + jdbc.queryForObject("SELECT detail->>'subject' FROM audit_entry WHERE "
                        + "action = 'entitlement.grant'", String.class) + "\", \"checkoutIntentId\": \""
                        + PAID_CHECKOUT.value() + "\"}",
                "entitlement.fulfillment pending stripe|stripe|stripe-webhook|" + PAID_EVIDENCE.value()
                        + " entitlement:" + ENTITLEMENT.value() + " " + PAID_EVIDENCE.value() + " {}",
                "webhook.conclude rejected stripe|stripe|stripe-webhook|" + REJECTED.value() + " webhook_evidence:"
                        + REJECTED.value() + " " + REJECTED.value() + " " + conclusion("amount_mismatch"),
                "webhook.payload_mismatch flagged stripe|stripe|stripe-webhook|" + REJECTED.value()
                        + " webhook_evidence:" + REJECTED.value() + " " + REJECTED.value()
                        + " {\"payloadSha256\": \"" + "d".repeat(64) + "\"}",
                "webhook.conclude ignored stripe|stripe|stripe-webhook|" + IGNORED.value() + " webhook_evidence:"
                        + IGNORED.value() + " " + IGNORED.value() + " " + conclusion("already_paid"),
                "webhook.redrive requested " + owner + " webhook_evidence:" + REDRIVEN.value() + " "
                        + REDRIVEN.value() + " {\"eventType\": \"" + TYPE + "\"}",
                "webhook.redrive processed " + owner + " webhook_evidence:" + REDRIVEN.value() + " "
                        + REDRIVEN.value() + " " + conclusion("paid"),
                "partner.register registered " + owner + " partner:partner-bob - "
                        + "{\"referralCode\": \"BOB10\", \"commissionBasisPoints\": 1500}",
                "referral.click recorded visitor|public|referral-link|" + CLICK.value() + " referral_click:"
                        + CLICK.value() + " - {\"partnerId\": \"partner-ada\"}",
                "entitlement.portal failed " + owner + " entitlement:" + ENTITLEMENT.value() + " - {\"failure\": "
                        + "\"stripe_unavailable\", \"portalSessionId\": \"" + SESSION.value() + "\"}",
                "commission.release refused " + owner + " refused_write:com_1 - {\"code\": \"not_on_hold\"}",
                "checkout.start refused " + owner + " refused_write:" + REFUSALS.value()
                        + " - {\"code\": \"unknown_referral_click\"}");
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    private static String conclusion(String reason) {
        return "{\"reason\": \"" + reason + "\", \"eventType\": \"" + TYPE + "\", \"concludedSubjectId\": \""
                + PAID_CHECKOUT.value() + "\", \"concludedSubjectType\": \"checkout_intent\"}";
    }
}
