package com.bumpgrade.commerce.domain.refusal;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** Public-safe: a stable code, an action name, a validated record id (or none) and the parsed context (D97). */
public record BillingWriteRefused(RefusedWritesId refusedWritesId, PublisherId publisherId, String action,
                                  String code, String recordId, BillingContext context, Instant refusedAt) {
}
