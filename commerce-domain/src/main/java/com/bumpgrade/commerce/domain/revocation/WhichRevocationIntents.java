package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Which revocation intents does this publisher have, by entitlement and status (both optional)? */
public record WhichRevocationIntents(PublisherId publisherId, String entitlementId, String status, int limit) {
}
