package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.Objects;

/** Which entitlements does this buyer hold from this publisher? Another publisher's grants are not asked about. */
public record WhichEntitlementsOfCustomer(PublisherId publisherId, CustomerId customerId) {
    public WhichEntitlementsOfCustomer {
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
