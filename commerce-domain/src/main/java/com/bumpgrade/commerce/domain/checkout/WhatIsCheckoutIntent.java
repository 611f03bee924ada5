package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Where does this checkout intent stand? Answered only within the asking publisher. */
public record WhatIsCheckoutIntent(CheckoutIntentId checkoutIntentId, PublisherId publisherId) {
}
