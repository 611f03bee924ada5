package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.util.Optional;

/** The raw payload of a delivered Stripe event, for its translation ({@link WebhookDeliveries} stores them). */
public interface DeliveredPayloads {
    Optional<String> payload(WebhookEvidenceId evidenceId);
}
