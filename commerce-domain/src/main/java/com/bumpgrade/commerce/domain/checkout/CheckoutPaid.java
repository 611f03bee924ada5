package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

public record CheckoutPaid(CheckoutIntentId checkoutIntentId, PublisherId publisherId, WebhookEvidenceId evidenceId,
        Money amountPaid, Instant paidAt) {
}
