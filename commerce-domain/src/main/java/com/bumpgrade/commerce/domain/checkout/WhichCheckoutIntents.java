package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.Objects;

/**
 * Which checkout intents did this publisher start, newest first? Optionally only one status and a creation
 * window ({@code from} inclusive, {@code to} exclusive), and only those after a position of an earlier page. The
 * order (creation time, then id, both never changing) is what keeps pages free of duplicates and gaps.
 */
public record WhichCheckoutIntents(PublisherId publisherId, CheckoutStatus status, Instant from, Instant to,
                                   Position after, int limit) {
    public static final int MAX_LIMIT = 100;

    public WhichCheckoutIntents {
        Objects.requireNonNull(publisherId, "publisherId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The last intent of a page: the next page starts right after it. */
    public record Position(Instant createdAt, CheckoutIntentId checkoutIntentId) {
        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(checkoutIntentId, "checkoutIntentId");
        }
    }
}
