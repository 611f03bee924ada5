package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Record a confirmed checkout before Stripe is called; repeating the same request changes nothing. */
public record StartCheckout(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                            OfferId offerId, CheckoutMode mode, List<CheckoutLine> lines, Money total,
                            String requestFingerprint, BillingContext context, Instant requestedAt) {
    public StartCheckout {
        lines = List.copyOf(lines);
    }
}
