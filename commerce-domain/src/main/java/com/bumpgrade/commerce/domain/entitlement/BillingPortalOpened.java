package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record BillingPortalOpened(EntitlementId entitlementId, PublisherId publisherId, String portalRef,
                                  BillingContext context, Instant openedAt) {
}
