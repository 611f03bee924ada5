package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

public record EntitlementGranted(EntitlementId entitlementId, PublisherId publisherId,
                                 CheckoutIntentId checkoutIntentId, OfferId offerId, CustomerId customerId,
                                 Access access, WebhookEvidenceId evidenceId, Instant grantedAt) {
}
