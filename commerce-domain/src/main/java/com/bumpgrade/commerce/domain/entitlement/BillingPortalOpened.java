package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonAlias;

import java.time.Instant;

/** Names the portal session only, never the buyer's link (events recorded earlier called it portalRef). */
public record BillingPortalOpened(EntitlementId entitlementId, PublisherId publisherId,
                                  @JsonAlias("portalRef") PortalSessionId portalSessionId, BillingContext context,
                                  Instant openedAt) {
}
