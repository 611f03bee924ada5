package com.bumpgrade.commerce.projections.support;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.ExpiryCause;
import com.bumpgrade.commerce.domain.checkout.SessionFailure;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.commission.HoldReason;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.entitlement.Access;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.entitlement.SubscriptionStateConfirmed;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.StripeEventAttributed;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventPayloadMismatchFlagged;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.StripeEventRedriveRequested;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic event histories, as the aggregates write them, for the projection tests. Every time derives from
 * {@link #NOW}; the publisher and partner are the ones the migrations seed.
 */
public final class Stories {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00.123456Z");
    public static final PublisherId PUBLISHER = PublisherId.of("demo");
    public static final PartnerId PARTNER = PartnerId.of("partner-ada");
    public static final ReferralClickId CLICK = ReferralClickId.of("clk_0123456789abcdef0123456789abcdef");
    public static final CheckoutIntentId PAID_CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    public static final CheckoutIntentId EXPIRED_CHECKOUT =
            CheckoutIntentId.of("chk_00000000000000000000000000000002");
    public static final CommissionEntryId ENTRY = CommissionEntryId.forClick(CLICK);
    public static final EntitlementId ENTITLEMENT =
            EntitlementId.forPurchase(PAID_CHECKOUT, OfferId.of("launch-pass"));

    public static final WebhookEvidenceId PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Paid");
    public static final WebhookEvidenceId REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund");
    public static final WebhookEvidenceId FULL_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1FullRefund");
    public static final WebhookEvidenceId DISPUTE_OPENED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspOpen");
    public static final WebhookEvidenceId DISPUTE_CLOSED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspWon");
    public static final WebhookEvidenceId SUBSCRIPTION_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1SubPastDue");
    public static final WebhookEvidenceId UNKNOWN_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Unknown");

    public static final BillingContext AGENT = new BillingContext(ActorId.of("agent-007"), "agent",
            ClientAttribution.of("api-test"), CorrelationId.of("corr-agent"), IdempotencyKey.of("idem-agent"));
    public static final BillingContext OWNER = new BillingContext(ActorId.of("owner-demo"), "owner",
            ClientAttribution.of("bumpgrade-dashboard"), CorrelationId.of("corr-owner"), IdempotencyKey.of("idem-owner"));

    private static final Money PRICE = Money.of(900, "USD");
    private static final Money BUMP = Money.of(500, "USD");
    private static final Money TOTAL = Money.of(1400, "USD");
    private static final String DISPUTE_REF = "dsp_0123456789abcdef01234567";

    private Stories() {
    }

    public static Instant at(long minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    /** Started with an order bump and a referral, paid, refunded in part, disputed and won, refunded in full. */
    public static AggregateStream paidCheckout() {
        List<CheckoutLine> lines = List.of(
                new CheckoutLine(OfferId.of("launch-pass"), "Bumpgrade launch pass", 1, PRICE, false),
                new CheckoutLine(OfferId.of("launch-templates"), "Bumpgrade launch templates", 1, BUMP, true));
        return AggregateStream.of("CheckoutIntent", PAID_CHECKOUT.value())
                .then(new CheckoutStarted(PAID_CHECKOUT, PUBLISHER, OfferId.of("launch-pass"), CheckoutMode.PAYMENT,
                        lines, TOTAL, "f".repeat(64), AGENT, at(0)), at(0))
                .then(new CheckoutReferralAttributed(PAID_CHECKOUT, PUBLISHER,
                        new ReferralAttribution(CLICK, PARTNER, 3000, at(-10)), at(0), AGENT), at(0))
                .then(new CheckoutSessionOpened(PAID_CHECKOUT, PUBLISHER, 1, at(24 * 60), AGENT, at(1)), at(1))
                .then(new CheckoutPaid(PAID_CHECKOUT, PUBLISHER, PAID_EVIDENCE, TOTAL, at(5)), at(5))
                .then(new CheckoutRefunded(PAID_CHECKOUT, PUBLISHER, REFUND_EVIDENCE, Money.of(400, "USD"),
                        Money.of(400, "USD"), false, at(60)), at(60))
                .then(new CheckoutDisputeOpened(PAID_CHECKOUT, PUBLISHER, DISPUTE_OPENED_EVIDENCE, DISPUTE_REF,
                        "needs_response", Money.of(1000, "USD"), at(120)), at(120))
                .then(new CheckoutDisputeClosed(PAID_CHECKOUT, PUBLISHER, DISPUTE_CLOSED_EVIDENCE, DISPUTE_REF, "won",
                        Money.of(1000, "USD"), at(240)), at(240))
                .then(new CheckoutRefunded(PAID_CHECKOUT, PUBLISHER, FULL_REFUND_EVIDENCE, TOTAL,
                        Money.of(1000, "USD"), true, at(300)), at(300));
    }

    /** A session that failed once, opened on the second attempt, and was expired by the agent. */
    public static AggregateStream expiredCheckout() {
        List<CheckoutLine> lines = List.of(
                new CheckoutLine(OfferId.of("launch-pass"), "Bumpgrade launch pass", 1, PRICE, false));
        return AggregateStream.of("CheckoutIntent", EXPIRED_CHECKOUT.value())
                .then(new CheckoutStarted(EXPIRED_CHECKOUT, PUBLISHER, OfferId.of("launch-pass"),
                        CheckoutMode.PAYMENT, lines, PRICE, "e".repeat(64), AGENT, at(2)), at(2))
                .then(new CheckoutSessionFailed(EXPIRED_CHECKOUT, PUBLISHER, 1, SessionFailure.TIMEOUT, AGENT, at(3)),
                        at(3))
                .then(new CheckoutSessionOpened(EXPIRED_CHECKOUT, PUBLISHER, 2, at(25 * 60), AGENT, at(4)), at(4))
                .then(new CheckoutExpired(EXPIRED_CHECKOUT, PUBLISHER, ExpiryCause.AGENT_REQUEST, AGENT, at(30)),
                        at(30));
    }

    /** The paid checkout's commission: reviewed, held and released by the owner, then refunded away. */
    public static AggregateStream commission() {
        return AggregateStream.of("CommissionLedger", ENTRY.value())
                .then(new CommissionEntryOpened(ENTRY, PUBLISHER, PARTNER, PAID_CHECKOUT, CLICK, TOTAL, 3000,
                        Money.of(420, "USD"), PAID_EVIDENCE, at(5)), at(5))
                .then(new CommissionMarkedReviewed(ENTRY, PUBLISHER, OWNER, at(10)), at(10))
                .then(new CommissionHeld(ENTRY, PUBLISHER, HoldReason.OWNER, "Traffic looks self-referred", null,
                        OWNER, null, at(20)), at(20))
                .then(new CommissionHoldReleased(ENTRY, PUBLISHER, List.of(HoldReason.OWNER), null, OWNER, null,
                        at(30)), at(30))
                .then(new CommissionHeld(ENTRY, PUBLISHER, HoldReason.REFUND, "refund", null, null, REFUND_EVIDENCE,
                        at(60)), at(60))
                .then(new CommissionReversalRecorded(ENTRY, PUBLISHER, 2, Money.of(120, "USD"), "refund", null,
                        REFUND_EVIDENCE, at(60)), at(60))
                .then(new CommissionReversalRecorded(ENTRY, PUBLISHER, 3, Money.of(300, "USD"), "refund", null,
                        FULL_REFUND_EVIDENCE, at(300)), at(300))
                .then(new CommissionReversed(ENTRY, PUBLISHER, "refunded", null, FULL_REFUND_EVIDENCE, at(300)),
                        at(300));
    }

    /** The paid checkout's entitlement: granted, fulfilment queued, then into grace, suspended, portal opened. */
    public static AggregateStream entitlement() {
        return AggregateStream.of("Entitlement", ENTITLEMENT.value())
                .then(new EntitlementGranted(ENTITLEMENT, PUBLISHER, PAID_CHECKOUT, OfferId.of("launch-pass"),
                        CustomerId.forGuestCheckout(PAID_CHECKOUT), Access.ACTIVE, PAID_EVIDENCE, at(5)), at(5))
                .then(new FulfillmentQueued(ENTITLEMENT, PUBLISHER, "pending", at(5), PAID_EVIDENCE), at(5))
                .then(new EntitlementAccessChanged(ENTITLEMENT, PUBLISHER, Access.ACTIVE, Access.GRACE, "past_due",
                        at(30 * 24 * 60), at(30 * 24 * 60 + 3), at(45), SUBSCRIPTION_EVIDENCE, at(46)), at(46))
                .then(new SubscriptionStateConfirmed(ENTITLEMENT, at(47)), at(47))
                .then(new EntitlementAccessChanged(ENTITLEMENT, PUBLISHER, Access.GRACE, Access.SUSPENDED,
                        "past_due", at(30 * 24 * 60), null, null, null, at(50)), at(50))
                .then(new BillingPortalOpened(ENTITLEMENT, PUBLISHER,
                        PortalSessionId.forRequest(ENTITLEMENT, OWNER.actor(), OWNER.idempotencyKey()), OWNER,
                        at(55)), at(55));
    }

    /** The payment's evidence: received, redelivered with another payload, attributed, processed, re-driven. */
    public static AggregateStream paidEvidence() {
        return AggregateStream.of("StripeEventEvidence", PAID_EVIDENCE.value())
                .then(new StripeEventReceived(PAID_EVIDENCE, "checkout.session.completed", false, "2025-03-31.basil",
                        at(4), at(5), "a".repeat(64), Verification.VERIFIED), at(5))
                .then(new StripeEventPayloadMismatchFlagged(PAID_EVIDENCE, "b".repeat(64), at(6), null), at(6))
                .then(new StripeEventAttributed(PAID_EVIDENCE, PUBLISHER, "checkout_intent", PAID_CHECKOUT.value(),
                        at(5)), at(5))
                .then(new StripeEventConcluded(PAID_EVIDENCE, "checkout.session.completed", EvidenceOutcome.PROCESSED,
                        null, PUBLISHER, "checkout_intent", PAID_CHECKOUT.value(), at(5), null), at(5))
                .then(new StripeEventRedriveRequested(PAID_EVIDENCE, "checkout.session.completed", PUBLISHER, OWNER,
                        at(7)), at(7));
    }

    /** Evidence of an event about an object Bumpgrade never created: no publisher, unmatched. */
    public static AggregateStream unmatchedEvidence() {
        return AggregateStream.of("StripeEventEvidence", UNKNOWN_EVIDENCE.value())
                .then(new StripeEventReceived(UNKNOWN_EVIDENCE, "charge.refunded", false, null, null, at(8),
                        "c".repeat(64), Verification.VERIFIED), at(8))
                .then(new StripeEventConcluded(UNKNOWN_EVIDENCE, "charge.refunded", EvidenceOutcome.UNMATCHED,
                        "no_matching_payment", null, null, null, at(8), null), at(8));
    }

    /** Streams interleaved as a processor could see them: by position in their own stream, then by argument order. */
    public static List<DomainEventMessage<?>> interleaved(AggregateStream... streams) {
        List<List<DomainEventMessage<?>>> all = new ArrayList<>();
        for (AggregateStream stream : streams) {
            all.add(stream.events());
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int position = 0; batch.size() < all.stream().mapToInt(List::size).sum(); position++) {
            for (List<DomainEventMessage<?>> events : all) {
                if (position < events.size()) {
                    batch.add(events.get(position));
                }
            }
        }
        return batch;
    }
}
