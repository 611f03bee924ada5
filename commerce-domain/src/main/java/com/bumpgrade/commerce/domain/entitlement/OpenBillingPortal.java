package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A confirmed request to let the subscriber manage their subscription in Stripe's Customer Portal (cancel, update
 * payment method, change plan) instead of a hand-rolled billing flow. {@code portalSessionId} names the portal
 * session (derived from the request, so a retry is recognised); the buyer's link is not in the command.
 */
public record OpenBillingPortal(@TargetAggregateIdentifier EntitlementId entitlementId, PublisherId publisherId,
                                Long expectedVersion, PortalSessionId portalSessionId, String confirmation,
                                BillingContext context, Instant requestedAt) {
}
