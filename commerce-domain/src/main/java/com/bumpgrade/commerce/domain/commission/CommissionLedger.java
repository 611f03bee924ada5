package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The review-only commission ledger of one attributed checkout: a commission line and, later, reversal lines.
 * Nothing here is payable. Owner actions are confirmed, stale-state checked and refused once reversed; refunds
 * and disputes (verified webhooks) hold the entry and reverse it in proportion. Lines are only ever added.
 */
public class CommissionLedger {
    @AggregateIdentifier
    private CommissionEntryId entryId;
    private PublisherId publisherId;
    private CheckoutIntentId checkoutIntentId;
    private Money amountPaid;
    private int basisPoints;
    private Money commission;
    private long reversedMinor;
    private int lines;
    private boolean reviewed;
    private boolean reversed;
    private Set<HoldReason> holds = EnumSet.noneOf(HoldReason.class);
    private Set<String> disputeHolds = new HashSet<>();

    protected CommissionLedger() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public OpenedEntry handle(OpenCommissionEntry command) {
        if (entryId != null) {
            if (!checkoutIntentId.equals(command.checkoutIntentId())) {
                throw new BillingRuleViolation("referral_click_used",
                        "The referral click already earned a commission on another checkout.");
            }
            return OpenedEntry.ALREADY_OPEN;
        }
        apply(new CommissionEntryOpened(command.entryId(), command.publisherId(), command.partnerId(),
                command.checkoutIntentId(), command.clickId(), command.amountPaid(), command.commissionBasisPoints(),
                CommissionRule.commissionFor(command.amountPaid(), command.commissionBasisPoints()),
                command.evidenceId(), command.openedAt()));
        return OpenedEntry.OPENED;
    }

    // --- owner actions ---------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(MarkCommissionReviewed command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CommissionConfirmationPolicy.markReviewed(entryId));
        if (!holds.isEmpty()) {
            throw new BillingRuleViolation("on_hold", "The entry is on hold; release it before marking it reviewed.");
        }
        if (reviewed) {
            return;
        }
        apply(new CommissionMarkedReviewed(entryId, publisherId, command.context(), command.at()));
    }

    @CommandHandler
    public void handle(HoldCommission command) {
        String reason = CommissionReason.require(command.reason(), "hold");
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CommissionConfirmationPolicy.hold(entryId, reason));
        if (holds.contains(HoldReason.OWNER)) {
            return;
        }
        apply(new CommissionHeld(entryId, publisherId, HoldReason.OWNER, reason, null, command.context(), null,
                command.at()));
    }

    @CommandHandler
    public void handle(ReleaseCommissionHold command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CommissionConfirmationPolicy.release(entryId));
        List<HoldReason> releasable = holds.stream()
                .filter(h -> h != HoldReason.DISPUTE).toList();
        if (releasable.isEmpty()) {
            throw holds.contains(HoldReason.DISPUTE)
                    ? new BillingRuleViolation("dispute_open", "An open dispute holds the entry until it closes.")
                    : new BillingRuleViolation("not_on_hold", "The entry is not on hold.");
        }
        apply(new CommissionHoldReleased(entryId, publisherId, releasable, null, command.context(), null,
                command.at()));
    }

    @CommandHandler
    public void handle(ReverseCommission command) {
        String reason = CommissionReason.require(command.reason(), "reverse");
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CommissionConfirmationPolicy.reverse(entryId, reason));
        reverseRemainder(reason, command.context(), null, command.at());
    }

    // --- money events from verified webhooks -------------------------------------------------------------------

    @CommandHandler
    public void handle(RecordCommissionRefund command) {
        Money refunded = command.refundedTotal();
        if (reversed || refunded.amountMinor() <= 0 || !refunded.currency().equals(commission.currency())) {
            return; // nothing left to reverse, or not a refund of this payment (the checkout refuses those anyway)
        }
        Money earned = CommissionRule.earnedAfterRefunds(amountPaid, refunded, basisPoints);
        long target = commission.amountMinor() - earned.amountMinor();
        // Any refund holds the entry, even one too small to change the rounded-down commission.
        if (!holds.contains(HoldReason.REFUND)) {
            apply(new CommissionHeld(entryId, publisherId, HoldReason.REFUND, "refund", null, null,
                    command.evidenceId(), command.at()));
        }
        if (target > reversedMinor) {
            apply(new CommissionReversalRecorded(entryId, publisherId, lines + 1,
                    Money.of(target - reversedMinor, commission.currency()), "refund", null, command.evidenceId(),
                    command.at()));
        }
        // A full refund ends the entry, also one whose commission rounded down to nothing.
        if (target >= commission.amountMinor() && refunded.amountMinor() >= amountPaid.amountMinor()
                || target >= commission.amountMinor() && commission.amountMinor() > 0) {
            apply(new CommissionReversed(entryId, publisherId, "refunded", null, command.evidenceId(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordCommissionDispute command) {
        if (reversed) {
            return;
        }
        String ref = command.disputeRef();
        if (command.phase() == DisputePhase.OPENED) {
            if (disputeHolds.contains(ref)) {
                return;
            }
            apply(new CommissionHeld(entryId, publisherId, HoldReason.DISPUTE, "dispute_opened", ref, null,
                    command.evidenceId(), command.at()));
            return;
        }
        if ("lost".equals(command.disputeStatus())) {
            reverseRemainder("dispute_lost", null, command.evidenceId(), command.at());
        } else if (disputeHolds.contains(ref)) {
            apply(new CommissionHoldReleased(entryId, publisherId, List.of(HoldReason.DISPUTE), ref, null,
                    command.evidenceId(), command.at()));
        }
    }

    private void reverseRemainder(String reason, BillingContext context, WebhookEvidenceId evidence, Instant at) {
        if (reversed) {
            throw new BillingRuleViolation("already_reversed", "The entry is already reversed.");
        }
        long remaining = commission.amountMinor() - reversedMinor;
        if (remaining > 0) {
            apply(new CommissionReversalRecorded(entryId, publisherId, lines + 1,
                    Money.of(remaining, commission.currency()), reason, context, evidence, at));
        }
        apply(new CommissionReversed(entryId, publisherId, reason, context, evidence, at));
    }

    private void requireOwnerAction(PublisherId caller, Long expectedVersion, String confirmation, String phrase) {
        if (!publisherId.equals(caller)) {
            throw new BillingRuleViolation("not_found", "The commission entry was not found.");
        }
        StaleStatePolicy.requireCurrent(expectedVersion, AggregateLifecycle.getVersion());
        if (!Confirmation.confirms(phrase, confirmation)) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        if (reversed) {
            throw new BillingRuleViolation("already_reversed", "The entry is reversed; nothing more can change.");
        }
    }

    @EventSourcingHandler
    void on(CommissionEntryOpened event) {
        entryId = event.entryId();
        publisherId = event.publisherId();
        checkoutIntentId = event.checkoutIntentId();
        amountPaid = event.amountPaid();
        basisPoints = event.commissionBasisPoints();
        commission = event.commission();
        lines = 1;
    }

    @EventSourcingHandler
    void on(CommissionMarkedReviewed event) {
        reviewed = true;
    }

    @EventSourcingHandler
    void on(CommissionHeld event) {
        holds.add(event.holdReason());
        if (event.ref() != null) {
            disputeHolds.add(event.ref());
        }
    }

    @EventSourcingHandler
    void on(CommissionHoldReleased event) {
        if (event.ref() != null) {
            disputeHolds.remove(event.ref());
        }
        for (HoldReason released : event.released()) {
            if (released != HoldReason.DISPUTE || disputeHolds.isEmpty()) {
                holds.remove(released);
            }
        }
    }

    @EventSourcingHandler
    void on(CommissionReversalRecorded event) {
        reversedMinor += event.amount().amountMinor();
        lines = event.lineNumber();
    }

    @EventSourcingHandler
    void on(CommissionReversed event) {
        reversed = true;
    }
}
