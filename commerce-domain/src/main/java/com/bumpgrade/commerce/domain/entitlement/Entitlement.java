package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Access to one offer bought in one checkout. Its id is derived from the purchase, so a redelivered or replayed
 * payment, or a retried command, finds the grant that exists and grants nothing more. Each grant queues
 * public-safe fulfillment evidence ({@code pending}: delivery does not exist yet). A subscription's access then
 * follows Stripe Billing (see {@link SubscriptionAccessPolicy}); observations older than the last are ignored.
 */
public class Entitlement {
    @AggregateIdentifier
    private EntitlementId entitlementId;
    private PublisherId publisherId;
    private Access access;
    private String subscriptionStatus;
    private Instant accessUntil;
    private Instant graceUntil;
    private Instant lastObservedAt;
    private java.util.Set<PortalSessionId> openedPortals = new java.util.HashSet<>();
    private CheckoutIntentId checkoutIntentId;
    private OfferId offerId;
    private RevocationIntentId openRevocation;
    private int revocationsOpened;
    private boolean revocationProposed;

    protected Entitlement() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(GrantEntitlement command) {
        if (entitlementId != null) {
            return false;
        }
        apply(new EntitlementGranted(command.entitlementId(), command.publisherId(), command.checkoutIntentId(),
                command.offerId(), command.customerId(), Access.ACTIVE, command.evidenceId(), command.grantedAt()));
        apply(new FulfillmentQueued(command.entitlementId(), command.publisherId(), "pending", command.grantedAt(),
                command.evidenceId()));
        return true;
    }

    @CommandHandler
    public boolean handle(RecordSubscriptionState command) {
        if (lastObservedAt != null && !command.observedAt().isAfter(lastObservedAt)) {
            return false; // an older (or the same) observation: never overwrite a newer state
        }
        if (access == Access.ENDED) {
            return false; // canceled subscriptions do not come back; a new one is a new purchase
        }
        Instant grace = graceUntil;
        if ("past_due".equals(command.stripeStatus())) {
            if (!"past_due".equals(subscriptionStatus) || grace == null) {
                grace = command.observedAt().plus(command.gracePeriod());
            }
        } else {
            grace = null;
        }
        Access next = SubscriptionAccessPolicy.accessFor(command.stripeStatus(), grace, command.observedAt());
        if (next == access && java.util.Objects.equals(command.stripeStatus(), subscriptionStatus)
                && java.util.Objects.equals(command.currentPeriodEnd(), accessUntil)) {
            // nothing changed; remember the observation so an older one cannot overwrite it later
            apply(new SubscriptionStateConfirmed(entitlementId, command.observedAt()));
            return false;
        }
        apply(new EntitlementAccessChanged(entitlementId, publisherId, access, next, command.stripeStatus(),
                command.currentPeriodEnd(), grace, command.observedAt(), command.evidenceId(), command.observedAt()));
        return true;
    }

    @CommandHandler
    public boolean handle(ExpireGracePeriod command) {
        if (access != Access.GRACE || graceUntil == null || command.now().isBefore(graceUntil)) {
            return false;
        }
        // observed "now" by the clock: a Stripe observation from before this cannot restore the grace period
        apply(new EntitlementAccessChanged(entitlementId, publisherId, access, Access.SUSPENDED, subscriptionStatus,
                accessUntil, graceUntil, command.now(), null, command.now()));
        return true;
    }

    @CommandHandler
    public void handle(OpenBillingPortal command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The entitlement was not found.");
        }
        if (openedPortals.contains(command.portalSessionId())) {
            return; // the same request retried (e.g. after Stripe failed): already recorded
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        String phrase = phraseToOpenPortal(entitlementId);
        if (!Confirmation.confirms(phrase, command.confirmation())) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        if (subscriptionStatus == null) {
            throw new BillingRuleViolation("not_a_subscription", "Only a subscription can be managed in the portal.");
        }
        if (access == Access.ENDED) {
            throw new BillingRuleViolation("subscription_ended", "The subscription has ended.");
        }
        apply(new BillingPortalOpened(entitlementId, publisherId, command.portalSessionId(), command.context(),
                command.requestedAt()));
    }

    /**
     * One open revocation intent per entitlement (D60): the slot is taken here, on the entitlement's own stream, so
     * the event store's (aggregate, sequence) key lets one of any concurrent opens win. Access never changes.
     */
    @CommandHandler
    public RevocationOpening handle(OpenRevocationIntent command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The entitlement was not found.");
        }
        if (command.proposal()) {
            if (revocationProposed || openRevocation != null) {
                return new RevocationOpening(openRevocation, false); // money proposes once per entitlement
            }
        } else {
            StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
            String phrase = phraseToRecordRevocation(entitlementId, command.reason());
            if (!Confirmation.confirms(phrase, command.confirmation())) {
                throw new BillingRuleViolation("confirmation_required",
                        "This action needs the confirmation: " + phrase);
            }
            if (openRevocation != null) {
                throw new BillingRuleViolation("revocation_intent_open",
                        "The entitlement already has the open revocation intent " + openRevocation.value() + ".");
            }
        }
        RevocationIntentId id = RevocationIntentId.forEntitlement(entitlementId.value(), revocationsOpened + 1);
        apply(new RevocationIntentOpened(entitlementId, publisherId, checkoutIntentId, offerId, id,
                revocationsOpened + 1, command.proposal(), RevocationReason.require(command.reason()),
                command.context(), command.evidenceId(), command.at()));
        return new RevocationOpening(id, true);
    }

    @CommandHandler
    public boolean handle(CloseRevocationIntent command) {
        if (!command.revocationIntentId().equals(openRevocation)) {
            return false; // already closed (a redelivery), or not the open one
        }
        apply(new RevocationIntentClosed(entitlementId, publisherId, openRevocation, command.outcome(), command.at()));
        return true;
    }

    public static String phraseToRecordRevocation(EntitlementId id, String reason) {
        return "Record revocation intent for entitlement " + id.value() + ": " + RevocationReason.require(reason);
    }

    @CommandHandler
    public void handle(RecordBillingPortalFailure command) {
        if (!publisherId.equals(command.publisherId()) || !openedPortals.contains(command.portalSessionId())) {
            throw new BillingRuleViolation("not_found", "The portal session was not found.");
        }
        apply(new BillingPortalFailed(entitlementId, publisherId, command.portalSessionId(), command.failure(),
                command.context(), command.failedAt()));
    }

    public static String phraseToOpenPortal(EntitlementId id) {
        return "Open billing portal for entitlement " + id.value();
    }

    @EventSourcingHandler
    void on(EntitlementGranted event) {
        entitlementId = event.entitlementId();
        publisherId = event.publisherId();
        access = event.access();
        checkoutIntentId = event.checkoutIntentId();
        offerId = event.offerId();
    }

    @EventSourcingHandler
    void on(RevocationIntentOpened event) {
        openRevocation = event.revocationIntentId();
        revocationsOpened = event.ordinal();
        revocationProposed |= event.proposed();
    }

    @EventSourcingHandler
    void on(RevocationIntentClosed event) {
        openRevocation = null;
    }

    @EventSourcingHandler
    void on(SubscriptionStateConfirmed event) {
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(BillingPortalOpened event) {
        openedPortals.add(event.portalSessionId());
    }

    @EventSourcingHandler
    void on(EntitlementAccessChanged event) {
        access = event.to();
        subscriptionStatus = event.subscriptionStatus();
        accessUntil = event.accessUntil();
        graceUntil = event.graceUntil();
        lastObservedAt = event.observedAt();
    }
}
