package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Duration;
import java.time.Instant;

/**
 * Which referral click may be attached to a checkout. Last click wins: the click the buyer arrived with is the one
 * the checkout names; a click counts once, for the first checkout that is paid with it. Another publisher's click
 * answers exactly like an unknown one.
 */
public final class AttributionPolicy {
    private AttributionPolicy() {
    }

    /** A click as stored: its publisher, when it happened, and the checkout that already consumed it, if any. */
    public record StoredClick(PublisherId publisherId, Instant clickedAt, String consumedByCheckout) {
    }

    public static void requireAttachable(StoredClick click, PublisherId publisher, Instant now, Duration window,
                                         String checkoutIntentId) {
        if (click == null || !click.publisherId().equals(publisher)) {
            throw new BillingRuleViolation("unknown_referral_click", "The referral click is unknown to this publisher.");
        }
        if (click.clickedAt().isBefore(now.minus(window))) {
            throw new BillingRuleViolation("referral_click_expired",
                    "The referral click is older than the attribution window of " + window.toDays() + " days.");
        }
        if (click.consumedByCheckout() != null && !click.consumedByCheckout().equals(checkoutIntentId)) {
            throw new BillingRuleViolation("referral_click_used",
                    "The referral click was already used by another paid checkout.");
        }
    }
}
