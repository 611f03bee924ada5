package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.Optional;

/** Which referral click brought each checkout, and whether its commission entry was opened. */
public interface CommissionAttributions {
    record Attribution(String publisherId, String clickId, String partnerId, int basisPoints, boolean entryOpened) {
        CommissionEntryId entryId() {
            return CommissionEntryId.forClick(ReferralClickId.of(clickId));
        }
    }

    /** Idempotent: the first attribution of a checkout stays. */
    void remember(CheckoutIntentId checkout, PublisherId publisher, ReferralClickId click, PartnerId partner,
                  int basisPoints);

    Optional<Attribution> of(CheckoutIntentId checkout);

    void markEntryOpened(CheckoutIntentId checkout);
}
