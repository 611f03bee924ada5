package com.bumpgrade.commerce.api.webhook;

/** Body of {@code POST /api/commerce/stripe/webhook-events/{evidenceId}/redrive}. */
public record RedriveRequest(String confirmation) {
}
