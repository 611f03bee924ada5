package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/**
 * What a webhook-driven command did to the intent: {@code APPLIED} changed trusted state, {@code ALREADY} found
 * it done, {@code STALE} arrived after a later state, {@code REJECTED} contradicted the intent.
 */
public record StripeOutcome(PublisherId publisherId, Result result, String reason) {
    public enum Result {
        APPLIED, ALREADY, STALE, REJECTED
    }
}
