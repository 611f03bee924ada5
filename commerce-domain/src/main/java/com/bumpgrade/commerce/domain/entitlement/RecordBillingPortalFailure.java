package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stripe could not open a recorded portal session; {@code failure} is a stable code, never Stripe's message. */
public record RecordBillingPortalFailure(@TargetAggregateIdentifier EntitlementId entitlementId,
                                         PublisherId publisherId, PortalSessionId portalSessionId, String failure,
                                         BillingContext context, Instant failedAt) {
}
