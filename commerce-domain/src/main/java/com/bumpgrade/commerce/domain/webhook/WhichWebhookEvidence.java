package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/**
 * Which Stripe event evidence may this caller see, filtered by status and type? Evidence not attributed to any
 * publisher (unverified or unmatched events) is included only when {@code includeUnattributed}.
 */
public record WhichWebhookEvidence(PublisherId publisherId, boolean includeUnattributed, String status,
                                   String eventType, String evidenceId, int limit, int maxAttempts) {
}
