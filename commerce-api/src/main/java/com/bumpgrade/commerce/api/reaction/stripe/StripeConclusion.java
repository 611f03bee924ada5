package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.domain.checkout.StripeOutcome;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;

/** How one Stripe event ended, before the router records it on the evidence. */
record StripeConclusion(EvidenceOutcome outcome, String reason, PublisherId publisherId, String intentId) {
    static StripeConclusion of(EvidenceOutcome outcome, String reason) {
        return new StripeConclusion(outcome, reason, null, null);
    }

    static StripeConclusion from(String intentId, StripeOutcome outcome) {
        EvidenceOutcome evidence = switch (outcome.result()) {
            case APPLIED -> EvidenceOutcome.PROCESSED;
            case ALREADY, STALE -> EvidenceOutcome.IGNORED;
            case REJECTED -> EvidenceOutcome.REJECTED;
        };
        return new StripeConclusion(evidence, outcome.reason(), outcome.publisherId(), intentId);
    }
}
