package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** What access does this entitlement give now? Answered only within the asking publisher. */
public record WhatIsEntitlement(EntitlementId entitlementId, PublisherId publisherId) {
}
