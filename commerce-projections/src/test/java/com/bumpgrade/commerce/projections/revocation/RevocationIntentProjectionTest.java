package com.bumpgrade.commerce.projections.revocation;

import com.bumpgrade.commerce.domain.revocation.WhatIsRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.WhichRevocationIntents;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bumpgrade.commerce.projections.revocation.RevocationStories.FIRST;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.RIVAL_INTENT;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.SECOND;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.proposedConfirmedCancelled;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.recordedByOwner;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.rivalDismissed;
import static com.bumpgrade.commerce.projections.support.Stories.ENTITLEMENT;
import static com.bumpgrade.commerce.projections.support.Stories.FULL_REFUND_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;
import static com.bumpgrade.commerce.projections.support.Stories.interleaved;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code revocation_intent_view}: status, source and last decision of each intent, its version the aggregate's. */
class RevocationIntentProjectionTest extends ReplayableProjectionTest {
    private final RevocationIntentProjection projection = new RevocationIntentProjection(jdbc);

    @Override
    protected Object projection() {
        return projection;
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "revocation_intent_view", "revocation_intent_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return interleaved(proposedConfirmedCancelled(), recordedByOwner(), rivalDismissed());
    }

    @Test
    void aProposalConfirmedThenCancelledReadsCancelledWithStripeAsSourceAndTheOwnersDecision() {
        applyHistory();

        var view = projection.answer(new WhatIsRevocationIntent(FIRST, PUBLISHER)).orElseThrow();
        assertThat(view.status()).isEqualTo("cancelled");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.entitlementId()).isEqualTo(ENTITLEMENT.value());
        assertThat(view.reason()).isEqualTo("full_refund");
        assertThat(view.evidenceIds()).containsExactly(FULL_REFUND_EVIDENCE.value());
        assertThat(view.source()).isEqualTo(new RevocationIntentView.Source("stripe", "stripe-webhook",
                FULL_REFUND_EVIDENCE.value(), at(100)));
        assertThat(view.decision()).isEqualTo(new RevocationIntentView.Source("owner-demo", "bumpgrade-dashboard",
                "corr-owner", at(120)));
    }

    @Test
    void anOwnersRecordHasTheOwnerAsSourceAndNoEvidence() {
        applyHistory();

        var view = projection.answer(new WhatIsRevocationIntent(SECOND, PUBLISHER)).orElseThrow();
        assertThat(view.status()).isEqualTo("recorded");
        assertThat(view.version()).isZero();
        assertThat(view.source().actor()).isEqualTo("owner-demo");
        assertThat(view.decision()).isNull();
        assertThat(view.evidenceIds()).isEmpty();
    }

    @Test
    void queriesAnswerOnlyWithinThePublisherAndFilterByEntitlementAndStatus() {
        applyHistory();

        assertThat(projection.answer(new WhatIsRevocationIntent(RIVAL_INTENT, PUBLISHER))).isEmpty();
        assertThat(projection.answer(new WhichRevocationIntents(PUBLISHER, null, null, 100)).revocationIntents())
                .extracting(RevocationIntentView::revocationIntentId).containsExactly(FIRST.value(), SECOND.value());
        assertThat(projection.answer(new WhichRevocationIntents(PUBLISHER, ENTITLEMENT.value(), "recorded", 100))
                .revocationIntents()).extracting(RevocationIntentView::revocationIntentId)
                .containsExactly(SECOND.value());
        assertThat(projection.answer(new WhichRevocationIntents(PUBLISHER, "ent_other", null, 100))
                .revocationIntents()).isEmpty();
    }
}
