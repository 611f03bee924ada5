package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

public record CommissionEntryOpened(CommissionEntryId entryId, PublisherId publisherId, PartnerId partnerId,
                                    CheckoutIntentId checkoutIntentId, ReferralClickId clickId, Money amountPaid,
                                    int commissionBasisPoints, Money commission, WebhookEvidenceId evidenceId,
                                    Instant openedAt) {
}
