package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

public record CheckoutSessionExpired(CheckoutIntentId checkoutIntentId, PublisherId publisherId, WebhookEvidenceId evidenceId,
        Instant expiredAt) {
}
