package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An owner-visible, owner-confirmed, non-destructive record of an intent to remove one entitlement's access:
 * proposed (by a full refund or a lost dispute) then recorded or dismissed by the owner, or recorded by the owner
 * directly; a recorded intent can be cancelled. Nothing here touches access: live removal does not exist yet.
 * The entitlement guards that at most one intent is open at a time (D60).
 */
public class RevocationIntent {
    @AggregateIdentifier
    private RevocationIntentId revocationIntentId;
    private PublisherId publisherId;
    private EntitlementId entitlementId;
    private RevocationStatus status;

    protected RevocationIntent() {
        // rebuilt from events by Axon
    }

    /** Idempotent: the route and the reaction both send it; the second finds the intent and changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(StartRevocationIntent command) {
        if (revocationIntentId != null) {
            return false;
        }
        if (command.proposed()) {
            apply(new RevocationIntentProposed(command.revocationIntentId(), command.publisherId(),
                    command.entitlementId(), command.checkoutIntentId(), command.offerId(), command.reason(),
                    command.evidenceId(), command.at()));
        } else {
            apply(new RevocationIntentRecorded(command.revocationIntentId(), command.publisherId(),
                    command.entitlementId(), command.checkoutIntentId(), command.offerId(), command.reason(),
                    command.context(), command.at()));
        }
        return true;
    }

    @CommandHandler
    public void handle(ConfirmRevocationIntent command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                RevocationConfirmationPolicy.confirm(revocationIntentId, entitlementId), RevocationStatus.PROPOSED);
        apply(new RevocationIntentConfirmed(revocationIntentId, publisherId, entitlementId, command.context(),
                command.at()));
    }

    @CommandHandler
    public void handle(DismissRevocationIntent command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                RevocationConfirmationPolicy.dismiss(revocationIntentId, entitlementId), RevocationStatus.PROPOSED);
        apply(new RevocationIntentDismissed(revocationIntentId, publisherId, entitlementId, command.context(),
                command.at()));
    }

    @CommandHandler
    public void handle(CancelRevocationIntent command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                RevocationConfirmationPolicy.cancel(revocationIntentId, entitlementId), RevocationStatus.RECORDED);
        apply(new RevocationIntentCancelled(revocationIntentId, publisherId, entitlementId, command.context(),
                command.at()));
    }

    /** Another publisher's intent answers like a missing one; then the version, the phrase, the state. */
    private void requireOwnerAction(PublisherId caller, Long expectedVersion, String confirmation, String phrase,
                                    RevocationStatus required) {
        if (!publisherId.equals(caller)) {
            throw new BillingRuleViolation("not_found", "The revocation intent was not found.");
        }
        StaleStatePolicy.requireCurrent(expectedVersion, AggregateLifecycle.getVersion());
        if (!Confirmation.confirms(phrase, confirmation)) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        if (status != required) {
            throw new BillingRuleViolation("revocation_not_" + required.publicName(),
                    "The revocation intent is " + status.publicName() + ", not " + required.publicName() + ".");
        }
    }

    @EventSourcingHandler
    void on(RevocationIntentProposed event) {
        started(event.revocationIntentId(), event.publisherId(), event.entitlementId(), RevocationStatus.PROPOSED);
    }

    @EventSourcingHandler
    void on(RevocationIntentRecorded event) {
        started(event.revocationIntentId(), event.publisherId(), event.entitlementId(), RevocationStatus.RECORDED);
    }

    private void started(RevocationIntentId id, PublisherId publisher, EntitlementId entitlement,
                         RevocationStatus initial) {
        revocationIntentId = id;
        publisherId = publisher;
        entitlementId = entitlement;
        status = initial;
    }

    @EventSourcingHandler
    void on(RevocationIntentConfirmed event) {
        status = RevocationStatus.RECORDED;
    }

    @EventSourcingHandler
    void on(RevocationIntentDismissed event) {
        status = RevocationStatus.DISMISSED;
    }

    @EventSourcingHandler
    void on(RevocationIntentCancelled event) {
        status = RevocationStatus.CANCELLED;
    }
}
