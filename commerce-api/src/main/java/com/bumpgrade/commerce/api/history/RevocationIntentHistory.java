package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentConfirmed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentProposed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentRecorded;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The history of a revocation intent: proposed by money (a webhook) or recorded by an owner, then confirmed,
 * dismissed or cancelled. The reason is the owner's free text and, as in every history, left out.
 */
@Component
class RevocationIntentHistory implements HistoryKind {
    static final String SEGMENT = "revocation-intents";

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public String record() {
        return "revocation_intent";
    }

    @Override
    public boolean isWellFormed(String id) {
        return RevocationIntentId.isWellFormed(id);
    }

    @Override
    public Optional<PublisherId> ownerOf(Object firstEvent) {
        if (firstEvent instanceof RevocationIntentProposed proposed) {
            return Optional.of(proposed.publisherId());
        }
        return firstEvent instanceof RevocationIntentRecorded recorded ? Optional.of(recorded.publisherId())
                : Optional.empty();
    }

    @Override
    public HistoryStep step(Object event, Map<String, Object> before) {
        if (event instanceof RevocationIntentProposed e) {
            return HistoryStep.fromStripe("revocation_intent_proposed", e.evidenceId(),
                    opened(e.revocationIntentId(), e.entitlementId().value(), e.checkoutIntentId().value(),
                            e.offerId().value(), "proposed", e.at()));
        }
        if (event instanceof RevocationIntentRecorded e) {
            return HistoryStep.by("revocation_intent_recorded", e.context(), opened(e.revocationIntentId(),
                    e.entitlementId().value(), e.checkoutIntentId().value(), e.offerId().value(), "recorded", e.at()));
        }
        if (event instanceof RevocationIntentConfirmed e) {
            return HistoryStep.by("revocation_intent_confirmed", e.context(), decided("recorded", e.at()));
        }
        if (event instanceof RevocationIntentDismissed e) {
            return HistoryStep.by("revocation_intent_dismissed", e.context(), decided("dismissed", e.at()));
        }
        if (event instanceof RevocationIntentCancelled e) {
            return HistoryStep.by("revocation_intent_cancelled", e.context(), decided("cancelled", e.at()));
        }
        return HistoryStep.untold(event);
    }

    private static Map<String, Object> opened(RevocationIntentId id, String entitlement, String checkout, String offer,
                                              String status, java.time.Instant at) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("revocationIntentId", id.value());
        changes.put("entitlementId", entitlement);
        changes.put("checkoutIntentId", checkout);
        changes.put("offerId", offer);
        changes.put("status", status);
        changes.put("createdAt", at);
        return changes;
    }

    private static Map<String, Object> decided(String status, java.time.Instant at) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", status);
        changes.put("decidedAt", at);
        return changes;
    }
}
