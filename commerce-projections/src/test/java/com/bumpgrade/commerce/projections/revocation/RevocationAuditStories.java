package com.bumpgrade.commerce.projections.revocation;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

import static com.bumpgrade.commerce.projections.support.Stories.interleaved;

/** The revocation stories in the order a processor sees them, for the audit trail's test. */
public final class RevocationAuditStories {
    private RevocationAuditStories() {
    }

    public static List<DomainEventMessage<?>> history() {
        return interleaved(RevocationStories.proposedConfirmedCancelled(), RevocationStories.recordedByOwner(),
                RevocationStories.rivalDismissed());
    }
}
