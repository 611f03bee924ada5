package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/**
 * A refund or dispute arrived before the payment it belongs to (Stripe does not order its events). Not a
 * refusal: the event is retried later and, after a bounded number of attempts, dead-lettered.
 */
public class PaymentNotYetRecorded extends RuntimeException {
    private final CheckoutIntentId checkoutIntentId;
    private final PublisherId publisherId;

    public PaymentNotYetRecorded(CheckoutIntentId checkoutIntentId, PublisherId publisherId) {
        super("The payment of " + checkoutIntentId.value() + " is not recorded yet.", null, false, false);
        this.checkoutIntentId = checkoutIntentId;
        this.publisherId = publisherId;
    }

    public CheckoutIntentId checkoutIntentId() {
        return checkoutIntentId;
    }

    public PublisherId publisherId() {
        return publisherId;
    }
}
