package com.bumpgrade.commerce.projections.revocation;

import java.util.List;

/** The answer of a revocation intent listing, oldest first. */
public record RevocationIntents(List<RevocationIntentView> revocationIntents) {
}
