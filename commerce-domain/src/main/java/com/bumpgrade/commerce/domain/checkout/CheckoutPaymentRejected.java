package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;
import java.util.List;

public record CheckoutPaymentRejected(CheckoutIntentId checkoutIntentId, PublisherId publisherId, WebhookEvidenceId evidenceId,
        List<String> reasons, Money amountReported, Instant rejectedAt) {
}
