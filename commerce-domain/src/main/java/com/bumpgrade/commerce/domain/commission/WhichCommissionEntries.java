package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Which commission entries does this publisher have, by partner and status? */
public record WhichCommissionEntries(PublisherId publisherId, String partnerId, String status, int limit) {
}
