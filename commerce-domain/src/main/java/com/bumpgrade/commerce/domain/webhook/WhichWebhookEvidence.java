package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/**
 * Which Stripe event evidence may this caller see, filtered by status and type? Exactly one publisher's evidence,
 * or, when {@code publisherId} is {@code null} (the platform operator, who belongs to none), only the evidence
 * attributed to no publisher: unattributed evidence may concern anyone's payment, so no publisher sees it.
 */
public record WhichWebhookEvidence(PublisherId publisherId, String status, String eventType, String evidenceId,
                                   int limit, int maxAttempts) {
}
