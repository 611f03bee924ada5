package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.List;

/** The offers each checkout bought, remembered when it starts, for the grants when it is paid. */
public interface PurchasedOffers {
    /** Idempotent: a redelivered CheckoutStarted changes nothing. */
    void remember(CheckoutIntentId checkout, PublisherId publisher, List<CheckoutLine> lines);

    /** The checkout's offers, in offer id order. */
    List<OfferId> of(CheckoutIntentId checkout);
}
