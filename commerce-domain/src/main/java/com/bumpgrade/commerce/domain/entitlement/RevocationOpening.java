package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

/**
 * What {@link OpenRevocationIntent} did: opened the intent {@code revocationIntentId} now, or (a proposal only)
 * found nothing to do because one was proposed before or another is open ({@code revocationIntentId} may be null).
 */
public record RevocationOpening(RevocationIntentId revocationIntentId, boolean opened) {
}
