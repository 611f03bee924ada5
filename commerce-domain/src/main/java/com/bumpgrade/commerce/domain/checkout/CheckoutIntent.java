package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The idempotent checkout-start record. It exists before Stripe is called, so a crash or a Stripe failure never
 * leaves a Checkout Session that Bumpgrade does not know about. Command handlers only guard and apply; state changes
 * happen in the event-sourcing handlers. Registered with Axon by the api module's configuration (no Spring here).
 */
public class CheckoutIntent {

    @AggregateIdentifier
    private CheckoutIntentId checkoutIntentId;
    private PublisherId publisherId;
    private CheckoutStatus status;
    private String requestFingerprint;
    private int failedAttempts;
    private CheckoutMode mode;
    private boolean livemode;
    private Money total;
    private List<CheckoutLine> offeredLines; // buyer choice, until the buyer's picks are known
    private Money refunded;
    private Set<String> openDisputes = new HashSet<>();
    private Set<String> closedDisputes = new HashSet<>();
    private Set<WebhookEvidenceId> rejectedEvidence = new HashSet<>();
    // its own part: the post-purchase decisions (D88)
    @AggregateMember
    private final CheckoutPostPurchase postPurchase = new CheckoutPostPurchase();

    protected CheckoutIntent() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CheckoutProgress handle(StartCheckout command) {
        if (checkoutIntentId == null) {
            if (command.lines().isEmpty()) {
                throw new BillingRuleViolation("empty_checkout", "A checkout needs at least one line.");
            }
            CartPolicy.requireOffered(command.offeredOrderBumps(), command.lines());
            apply(new CheckoutStarted(command.checkoutIntentId(), command.publisherId(), command.offerId(),
                    command.mode(), command.lines(), command.total(), command.requestFingerprint(),
                    command.context(), command.requestedAt(), command.livemode(), command.orderBumpMode()));
            if (command.attribution() != null) {
                apply(new CheckoutReferralAttributed(command.checkoutIntentId(), command.publisherId(),
                        command.attribution(), command.requestedAt(), command.context()));
            }
            return new CheckoutProgress(command.checkoutIntentId(), CheckoutStatus.STARTED, 1, true);
        }
        if (!requestFingerprint.equals(command.requestFingerprint())) {
            throw new BillingRuleViolation("idempotency_key_reused",
                    "This idempotency key was already used for a different checkout request.");
        }
        return new CheckoutProgress(checkoutIntentId, status, failedAttempts + 1, false);
    }

    @CommandHandler
    public void handle(RecordCheckoutSessionOpened command) {
        if (status == CheckoutStatus.OPEN && command.attempt() == failedAttempts + 1) {
            return; // the same outcome recorded twice: nothing new happened
        }
        SessionAttemptPolicy.requireAwaitingAttempt(status, failedAttempts, command.attempt());
        apply(new CheckoutSessionOpened(checkoutIntentId, publisherId, command.attempt(),
                command.sessionExpiresAt(), command.context(), command.openedAt()));
    }

    @CommandHandler
    public void handle(RecordCheckoutSessionFailed command) {
        SessionAttemptPolicy.requireAwaitingAttempt(status, failedAttempts, command.attempt());
        apply(new CheckoutSessionFailed(checkoutIntentId, publisherId, command.attempt(), command.failure(),
                command.context(), command.failedAt()));
    }

    @CommandHandler
    public CheckoutStatus handle(ExpireCheckout command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The checkout intent was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        if (status == CheckoutStatus.EXPIRED) {
            return status; // already where the agent wants it
        }
        if (status.moneyReceived() || status == CheckoutStatus.FAILED) {
            throw new BillingRuleViolation("checkout_" + status.publicName(),
                    "The checkout is " + status.publicName() + " and can no longer be expired.");
        }
        apply(new CheckoutExpired(checkoutIntentId, publisherId, ExpiryCause.AGENT_REQUEST, command.context(),
                command.requestedAt()));
        return CheckoutStatus.EXPIRED;
    }

    @CommandHandler
    public void handle(RecordStripeSessionExpiry command) {
        if (!publisherId.equals(command.publisherId()) || status != CheckoutStatus.EXPIRED) {
            throw new BillingRuleViolation("checkout_not_expired", "Only an expired checkout's session is expired.");
        }
        apply(new CheckoutStripeSessionExpiryRecorded(checkoutIntentId, publisherId, command.stripeSessionExpired(),
                command.context(), command.recordedAt()));
    }

    // --- trusted outcomes, from verified Stripe webhooks -------------------------------------------------------

    @CommandHandler
    public StripeOutcome handle(ConfirmCheckoutPayment command) {
        if (status.moneyReceived()) {
            return outcome(StripeOutcome.Result.ALREADY, "already_paid");
        }
        if (rejectedEvidence.contains(command.evidenceId())) {
            return outcome(StripeOutcome.Result.ALREADY, "already_rejected");
        }
        if (offeredLines != null && command.boughtOrderBumps() != null) { // recorded once: replays never ask Stripe
            apply(CheckoutItemsBought.of(checkoutIntentId, publisherId, command.evidenceId(),
                    CartPolicy.bought(offeredLines, command.boughtOrderBumps()), command.paidAt()));
        }
        List<String> mismatches = PaymentMatchPolicy.mismatches(total, mode, livemode, command.amountPaid(),
                command.mode(), command.livemode());
        if (!mismatches.isEmpty()) {
            apply(new CheckoutPaymentRejected(checkoutIntentId, publisherId, command.evidenceId(), mismatches,
                    command.amountPaid(), command.paidAt()));
            return outcome(StripeOutcome.Result.REJECTED, String.join(",", mismatches));
        }
        // Money arrived: this holds even for an intent expired or failed meanwhile, the payment is real.
        apply(new CheckoutPaid(checkoutIntentId, publisherId, command.evidenceId(), command.amountPaid(),
                command.paidAt()));
        return outcome(StripeOutcome.Result.APPLIED, "paid");
    }

    @CommandHandler
    public StripeOutcome handle(RecordCheckoutPaymentFailed command) {
        if (status.moneyReceived() || status == CheckoutStatus.EXPIRED) {
            return outcome(StripeOutcome.Result.STALE, "already_" + status.publicName());
        }
        if (status == CheckoutStatus.FAILED) {
            return outcome(StripeOutcome.Result.ALREADY, "already_failed");
        }
        apply(new CheckoutPaymentFailed(checkoutIntentId, publisherId, command.evidenceId(), command.failedAt()));
        return outcome(StripeOutcome.Result.APPLIED, "failed");
    }

    @CommandHandler
    public StripeOutcome handle(RecordCheckoutSessionExpired command) {
        if (status == CheckoutStatus.EXPIRED) {
            return outcome(StripeOutcome.Result.ALREADY, "already_expired");
        }
        if (status.moneyReceived() || status == CheckoutStatus.FAILED) {
            return outcome(StripeOutcome.Result.STALE, "already_" + status.publicName());
        }
        apply(new CheckoutSessionExpired(checkoutIntentId, publisherId, command.evidenceId(), command.expiredAt()));
        return outcome(StripeOutcome.Result.APPLIED, "expired");
    }

    @CommandHandler
    public StripeOutcome handle(RecordCheckoutRefund command) {
        requireMoneyReceived();
        Money refundedTotal = command.amountRefundedTotal();
        if (!refundedTotal.currency().equals(total.currency())) {
            return outcome(StripeOutcome.Result.REJECTED, "currency_mismatch");
        }
        long already = refunded == null ? 0 : refunded.amountMinor();
        if (refundedTotal.amountMinor() <= already) {
            // a redelivery, or an older charge.refunded after a newer one
            return outcome(StripeOutcome.Result.ALREADY, "refund_already_recorded");
        }
        boolean full = command.fullyRefunded() || refundedTotal.amountMinor() >= total.amountMinor();
        apply(new CheckoutRefunded(checkoutIntentId, publisherId, command.evidenceId(), refundedTotal,
                Money.of(refundedTotal.amountMinor() - already, refundedTotal.currency()), full,
                command.refundedAt()));
        return outcome(StripeOutcome.Result.APPLIED, full ? "refunded" : "partially_refunded");
    }

    @CommandHandler
    public StripeOutcome handle(RecordCheckoutDispute command) {
        requireMoneyReceived();
        String ref = command.disputeRef();
        if (command.phase() == DisputePhase.OPENED) {
            if (openDisputes.contains(ref) || closedDisputes.contains(ref)) {
                return outcome(StripeOutcome.Result.ALREADY, "dispute_already_recorded");
            }
            apply(new CheckoutDisputeOpened(checkoutIntentId, publisherId, command.evidenceId(), ref,
                    command.disputeStatus(), command.amount(), command.at()));
            return outcome(StripeOutcome.Result.APPLIED, "dispute_opened");
        }
        if (closedDisputes.contains(ref)) {
            return outcome(StripeOutcome.Result.ALREADY, "dispute_already_closed");
        }
        apply(new CheckoutDisputeClosed(checkoutIntentId, publisherId, command.evidenceId(), ref,
                command.disputeStatus(), command.amount(), command.at()));
        return outcome(StripeOutcome.Result.APPLIED, "dispute_closed");
    }

    /** Refunds and disputes need the payment first; thrown so the event is retried, not lost. */
    private void requireMoneyReceived() {
        if (!status.moneyReceived()) {
            throw new PaymentNotYetRecorded(checkoutIntentId, publisherId);
        }
    }

    private StripeOutcome outcome(StripeOutcome.Result result, String reason) {
        return new StripeOutcome(publisherId, result, reason);
    }

    @EventSourcingHandler
    void on(CheckoutStarted event) {
        checkoutIntentId = event.checkoutIntentId();
        publisherId = event.publisherId();
        requestFingerprint = event.requestFingerprint();
        mode = event.mode();
        livemode = event.livemode();
        total = event.total();
        offeredLines = event.orderBumpMode() == OrderBumpMode.BUYER_CHOICE ? event.lines() : null;
        status = CheckoutStatus.STARTED;
    }

    @EventSourcingHandler
    void on(CheckoutItemsBought event) {
        total = event.total(); // what the payment must match, and what a full refund returns
        offeredLines = null;
    }

    @EventSourcingHandler
    void on(CheckoutSessionOpened event) {
        status = CheckoutStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CheckoutSessionFailed event) {
        status = CheckoutStatus.SESSION_FAILED;
        failedAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(CheckoutExpired event) {
        status = CheckoutStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(CheckoutPaid event) {
        status = CheckoutStatus.PAID;
    }

    @EventSourcingHandler
    void on(CheckoutPaymentRejected event) {
        rejectedEvidence.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(CheckoutPaymentFailed event) {
        status = CheckoutStatus.FAILED;
    }

    @EventSourcingHandler
    void on(CheckoutSessionExpired event) {
        status = CheckoutStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(CheckoutRefunded event) {
        refunded = event.refundedTotal();
        if (event.fullyRefunded()) {
            status = CheckoutStatus.REFUNDED;
        }
    }

    @EventSourcingHandler
    void on(CheckoutDisputeOpened event) {
        openDisputes.add(event.disputeRef());
    }

    @EventSourcingHandler
    void on(CheckoutDisputeClosed event) {
        openDisputes.remove(event.disputeRef());
        closedDisputes.add(event.disputeRef());
    }
}
