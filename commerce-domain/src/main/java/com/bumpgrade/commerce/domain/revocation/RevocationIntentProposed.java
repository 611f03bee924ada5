package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/** A full refund or a lost dispute (the verified webhook {@code evidenceId}) proposed removing this access. */
public record RevocationIntentProposed(RevocationIntentId revocationIntentId, PublisherId publisherId,
                                       EntitlementId entitlementId, CheckoutIntentId checkoutIntentId,
                                       OfferId offerId, String reason, WebhookEvidenceId evidenceId, Instant at) {
}
