package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An attributed checkout was paid (verified webhook): open its review-only commission entry, once. */
public record OpenCommissionEntry(@TargetAggregateIdentifier CommissionEntryId entryId, PublisherId publisherId,
                                  PartnerId partnerId, CheckoutIntentId checkoutIntentId, ReferralClickId clickId,
                                  Money amountPaid, int commissionBasisPoints, WebhookEvidenceId evidenceId,
                                  Instant openedAt) {
}
