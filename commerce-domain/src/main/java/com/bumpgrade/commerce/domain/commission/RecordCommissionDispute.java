package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A dispute on the checkout opened or closed (verified webhook); {@code disputeStatus} is Stripe's, e.g. won. */
public record RecordCommissionDispute(@TargetAggregateIdentifier CommissionEntryId entryId, String disputeRef,
                                      DisputePhase phase, String disputeStatus, WebhookEvidenceId evidenceId,
                                      Instant at) {
}
