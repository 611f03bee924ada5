package com.bumpgrade.commerce.domain.entitlement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The clock passed {@code now}: a grace period that has run out suspends access. */
public record ExpireGracePeriod(@TargetAggregateIdentifier EntitlementId entitlementId, Instant now) {
}
