package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * The subscription behind an entitlement was observed in {@code stripeStatus} at {@code observedAt} (re-read from
 * Stripe after a verified Billing event). An observation older than the last one changes nothing.
 */
public record RecordSubscriptionState(@TargetAggregateIdentifier EntitlementId entitlementId,
                                      WebhookEvidenceId evidenceId, String stripeStatus, Instant observedAt,
                                      Instant currentPeriodEnd, Duration gracePeriod) {
}
