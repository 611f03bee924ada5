package com.bumpgrade.commerce.domain.entitlement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Access to one offer bought in one checkout. Its id is derived from the purchase, so a redelivered or replayed
 * payment, or a retried command, finds the grant that exists and grants nothing more. Each grant queues
 * public-safe fulfillment evidence ({@code pending}: delivery does not exist yet).
 */
public class Entitlement {
    @AggregateIdentifier
    private EntitlementId entitlementId;
    private Access access;

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
        apply(new FulfillmentQueued(command.entitlementId(), command.publisherId(), "pending", command.grantedAt()));
        return true;
    }

    @EventSourcingHandler
    void on(EntitlementGranted event) {
        entitlementId = event.entitlementId();
        access = event.access();
    }
}
