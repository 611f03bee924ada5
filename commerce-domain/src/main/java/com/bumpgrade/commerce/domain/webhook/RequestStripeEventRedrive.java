package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An owner's confirmed request to process their publisher's dead-lettered event again. */
public record RequestStripeEventRedrive(@TargetAggregateIdentifier WebhookEvidenceId evidenceId,
                                        PublisherId publisherId, Long expectedVersion, BillingContext context,
                                        Instant requestedAt) {
}
