package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Commission attributions in a map; the first attribution of a checkout stays, as in the table. */
final class InMemoryCommissionAttributions implements CommissionAttributions {
    private final Map<CheckoutIntentId, Attribution> rows = new HashMap<>();

    @Override
    public void remember(CheckoutIntentId checkout, PublisherId publisher, ReferralClickId click, PartnerId partner,
                         int basisPoints) {
        rows.putIfAbsent(checkout, new Attribution(publisher.value(), click.value(), partner.value(), basisPoints,
                false));
    }

    @Override
    public Optional<Attribution> of(CheckoutIntentId checkout) {
        return Optional.ofNullable(rows.get(checkout));
    }

    @Override
    public void markEntryOpened(CheckoutIntentId checkout) {
        rows.computeIfPresent(checkout, (c, a) -> new Attribution(a.publisherId(), a.clickId(), a.partnerId(),
                a.basisPoints(), true));
    }
}
