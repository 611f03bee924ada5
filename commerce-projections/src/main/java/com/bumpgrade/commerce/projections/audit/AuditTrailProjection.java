package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutStripeSessionExpiryRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One redacted audit entry per billing-impacting action and outcome, derived only from events, so the whole
 * trail can be rebuilt by replaying the event store. Runs in one segment: the hash chain needs a single order.
 * This class audits checkouts and commissions; the others of {@link AuditedEventsInStore#PROJECTIONS} the rest,
 * all in the same processing group, into the same trail. Its reset empties the trail for all of them.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {
    private static final String CHECKOUT = "checkout_intent";

    private final AuditTrail trail;

    public AuditTrailProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(CheckoutStarted event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.startedAt(),
                event.context(), "checkout.start", CHECKOUT, event.checkoutIntentId().value(), "accepted",
                startDetail(event), null));
    }

    /** Names the bump offers, and how they are sold when the buyer chooses (entries without bumps are as before). */
    private static Map<String, Object> startDetail(CheckoutStarted event) {
        Map<String, Object> detail = new LinkedHashMap<>(Map.of("offerId", event.offerId().value(),
                "totalMinor", event.total().amountMinor(), "currency", event.total().currency(),
                "lines", event.lines().size()));
        List<String> bumps = event.lines().stream().filter(CheckoutLine::orderBump).map(l -> l.offerId().value())
                .toList();
        if (!bumps.isEmpty()) {
            detail.put("orderBumpOfferIds", bumps);
        }
        if (event.orderBumpMode() == OrderBumpMode.BUYER_CHOICE) {
            detail.put("orderBumpMode", event.orderBumpMode().publicName());
        }
        return detail;
    }

    @EventHandler
    void on(CheckoutItemsBought event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.at(), "checkout.items", event.checkoutIntentId(), "bought",
                event.evidenceId(), Map.of("offerIds", event.lines().stream().map(l -> l.offerId().value()).toList(),
                        "totalMinor", event.total().amountMinor(), "currency", event.total().currency()));
    }

    @EventHandler
    void on(CheckoutReferralAttributed event, EventMessage<?> message) {
        ReferralAttribution attribution = event.attribution();
        // events stored before the context was recorded: who started the checkout is in its checkout.start entry
        BillingContext who = event.context() != null ? event.context()
                : new BillingContext(ActorId.of("unrecorded"), "system", ClientAttribution.of("unrecorded"),
                        CorrelationId.of(event.checkoutIntentId().value()), null);
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.attributedAt(), who,
                "checkout.referral", CHECKOUT, event.checkoutIntentId().value(), "attributed",
                Map.of("referralClickId", attribution.clickId().value(), "partnerId", attribution.partnerId().value(),
                        "commissionBasisPoints", attribution.commissionBasisPoints()), null));
    }

    @EventHandler
    void on(CheckoutSessionOpened event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.openedAt(),
                event.context(), "checkout.session.create", CHECKOUT, event.checkoutIntentId().value(), "succeeded",
                Map.of("attempt", event.attempt()), null));
    }

    @EventHandler
    void on(CheckoutSessionFailed event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.failedAt(),
                event.context(), "checkout.session.create", CHECKOUT, event.checkoutIntentId().value(), "failed",
                Map.of("attempt", event.attempt(), "failure", event.failure().name().toLowerCase(Locale.ROOT)),
                null));
    }

    @EventHandler
    void on(CheckoutExpired event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.expiredAt(),
                event.context(), "checkout.expire", CHECKOUT, event.checkoutIntentId().value(), "succeeded",
                Map.of("cause", event.cause().name().toLowerCase(Locale.ROOT)), null));
    }

    @EventHandler
    void on(CheckoutStripeSessionExpiryRecorded event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.recordedAt(),
                event.context(), "checkout.expire.stripe", CHECKOUT, event.checkoutIntentId().value(),
                event.stripeSessionExpired() ? "expired" : "not_expired", Map.of(), null));
    }

    // --- changes caused by verified Stripe webhooks: the evidence id is the source ---------------------------------

    private void fromStripe(EventMessage<?> message, PublisherId publisher, Instant at, String action,
                            CheckoutIntentId intent, String result, WebhookEvidenceId evidence,
                            Map<String, Object> detail) {
        trail.record(message, new AuditTrail.Entry(publisher, at,
                BillingContext.system("stripe", CorrelationId.of(evidence.value())), action, CHECKOUT, intent.value(),
                result, detail, evidence.value()));
    }

    @EventHandler
    void on(CheckoutPaid event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.paidAt(), "checkout.payment", event.checkoutIntentId(),
                "paid", event.evidenceId(), Map.of("amountMinor", event.amountPaid().amountMinor(),
                        "currency", event.amountPaid().currency()));
    }

    @EventHandler
    void on(CheckoutPaymentRejected event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.rejectedAt(), "checkout.payment", event.checkoutIntentId(),
                "rejected", event.evidenceId(), Map.of("reasons", event.reasons(),
                        "amountMinor", event.amountReported().amountMinor(),
                        "currency", event.amountReported().currency()));
    }

    @EventHandler
    void on(CheckoutPaymentFailed event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.failedAt(), "checkout.payment", event.checkoutIntentId(),
                "failed", event.evidenceId(), Map.of());
    }

    @EventHandler
    void on(CheckoutSessionExpired event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.expiredAt(), "checkout.session.expire",
                event.checkoutIntentId(), "expired", event.evidenceId(), Map.of());
    }

    @EventHandler
    void on(CheckoutRefunded event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.refundedAt(), "checkout.refund", event.checkoutIntentId(),
                event.fullyRefunded() ? "refunded" : "partially_refunded", event.evidenceId(),
                Map.of("refundedTotalMinor", event.refundedTotal().amountMinor(),
                        "refundedNowMinor", event.refundedNow().amountMinor(),
                        "currency", event.refundedTotal().currency()));
    }

    @EventHandler
    void on(CheckoutDisputeOpened event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.openedAt(), "checkout.dispute", event.checkoutIntentId(),
                "opened", event.evidenceId(), Map.of("disputeRef", event.disputeRef(),
                        "disputeStatus", event.disputeStatus(), "amountMinor", event.amount().amountMinor()));
    }

    @EventHandler
    void on(CheckoutDisputeClosed event, EventMessage<?> message) {
        fromStripe(message, event.publisherId(), event.closedAt(), "checkout.dispute", event.checkoutIntentId(),
                "closed", event.evidenceId(), Map.of("disputeRef", event.disputeRef(),
                        "disputeStatus", event.disputeStatus(), "amountMinor", event.amount().amountMinor()));
    }

    // --- referral attribution and the commission ledger ------------------------------------------------------------

    private static final String COMMISSION = "commission_entry";

    private void commission(EventMessage<?> message, PublisherId publisher, Instant at, BillingContext context,
                            WebhookEvidenceId evidence, String action, CommissionEntryId entry, String result,
                            Map<String, Object> detail) {
        BillingContext who = context != null ? context
                : BillingContext.system("stripe", CorrelationId.of(evidence == null ? entry.value() : evidence.value()));
        trail.record(message, new AuditTrail.Entry(publisher, at, who, action, COMMISSION,
                entry.value(), result, detail, evidence == null ? null : evidence.value()));
    }

    @EventHandler
    void on(CommissionEntryOpened event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.openedAt(), null, event.evidenceId(), "commission.open",
                event.entryId(), "pending_review", Map.of("partnerId", event.partnerId().value(),
                        "checkoutIntentId", event.checkoutIntentId().value(),
                        "commissionMinor", event.commission().amountMinor(),
                        "currency", event.commission().currency()));
    }

    @EventHandler
    void on(CommissionMarkedReviewed event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.at(), event.context(), null, "commission.review",
                event.entryId(), "reviewed", Map.of());
    }

    @EventHandler
    void on(CommissionHeld event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.at(), event.context(), event.evidenceId(), "commission.hold",
                event.entryId(), "held", Map.of("holdReason", event.holdReason().name().toLowerCase(Locale.ROOT),
                        "reason", event.reason()));
    }

    @EventHandler
    void on(CommissionHoldReleased event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.at(), event.context(), event.evidenceId(),
                "commission.release", event.entryId(), "released", Map.of("released",
                        event.released().stream().map(h -> h.name().toLowerCase(Locale.ROOT)).toList()));
    }

    @EventHandler
    void on(CommissionReversalRecorded event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.at(), event.context(), event.evidenceId(),
                "commission.reversal_line", event.entryId(), "recorded", Map.of("lineNumber", event.lineNumber(),
                        "amountMinor", -event.amount().amountMinor(), "currency", event.amount().currency(),
                        "reason", event.reason()));
    }

    @EventHandler
    void on(CommissionReversed event, EventMessage<?> message) {
        commission(message, event.publisherId(), event.at(), event.context(), event.evidenceId(),
                "commission.reverse", event.entryId(), "reversed", Map.of("reason", event.reason()));
    }

    @ResetHandler
    void onReset() {
        trail.clear();
    }
}
