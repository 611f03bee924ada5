package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;
import java.util.List;

/**
 * What the buyer of a buyer-choice checkout bought: the main line and the order bumps they ticked, with the total
 * the payment must match. Only these offers are granted.
 */
public record CheckoutItemsBought(CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                                  WebhookEvidenceId evidenceId, List<CheckoutLine> lines, Money total, Instant at) {
    public CheckoutItemsBought {
        lines = List.copyOf(lines);
    }

    public static CheckoutItemsBought of(CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                                         WebhookEvidenceId evidenceId, List<CheckoutLine> lines, Instant at) {
        return new CheckoutItemsBought(checkoutIntentId, publisherId, evidenceId, lines, CartPolicy.total(lines), at);
    }
}
