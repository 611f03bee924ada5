package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A confirmed request to let the subscriber manage their subscription in Stripe's Customer Portal (cancel, update
 * payment method, change plan) instead of a hand-rolled billing flow. {@code portalRef} names the portal session.
 */
public record OpenBillingPortal(@TargetAggregateIdentifier EntitlementId entitlementId, PublisherId publisherId,
                                Long expectedVersion, String portalRef, String confirmation, BillingContext context,
                                Instant requestedAt) {
}
