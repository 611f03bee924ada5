package com.bumpgrade.commerce.api.entitlement;

/** Body of {@code POST /api/commerce/entitlements/{entitlementId}/portal-sessions}. */
public record PortalRequest(String confirmation) {
}
