package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The checkout was refunded, in all so far {@code refundedTotal} (verified webhook). */
public record RecordCommissionRefund(@TargetAggregateIdentifier CommissionEntryId entryId, Money refundedTotal,
                                     WebhookEvidenceId evidenceId, Instant at) {
}
