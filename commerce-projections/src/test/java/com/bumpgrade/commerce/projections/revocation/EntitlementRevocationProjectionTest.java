package com.bumpgrade.commerce.projections.revocation;

import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.projections.entitlement.EntitlementProjection;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
import com.bumpgrade.commerce.projections.support.Projector;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bumpgrade.commerce.projections.revocation.RevocationStories.FIRST;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.SECOND;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.firstClosed;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.firstOpened;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.proposedConfirmedCancelled;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.recordedByOwner;
import static com.bumpgrade.commerce.projections.revocation.RevocationStories.secondOpened;
import static com.bumpgrade.commerce.projections.support.Stories.ENTITLEMENT;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;
import static com.bumpgrade.commerce.projections.support.Stories.entitlement;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entitlement view names its latest revocation intent with that intent's status, at the entitlement's version,
 * and its access stays what Stripe made it: an intent removes nothing.
 */
class EntitlementRevocationProjectionTest extends ReplayableProjectionTest {
    private final EntitlementProjection projection = new EntitlementProjection(jdbc);

    @Override
    protected Object projection() {
        return projection;
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "entitlement_view", "entitlement_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return entitlement().then(firstOpened(), at(100)).then(firstClosed(), at(120)).then(secondOpened(), at(130))
                .events();
    }

    private EntitlementView view() {
        return projection.answer(new WhatIsEntitlement(ENTITLEMENT, PUBLISHER)).orElseThrow();
    }

    @Test
    void theLatestIntentIsNamedWithTheStatusItOpenedWithUntilItsOwnViewHasIt() {
        applyHistory();

        assertThat(view().revocation()).isEqualTo(new EntitlementView.Revocation(SECOND.value(), "recorded"));
        assertThat(view().access()).isEqualTo("suspended"); // what Stripe and the clock made it, nothing else
        assertThat(view().version()).isEqualTo(8);
    }

    @Test
    void theIntentsOwnViewGivesItsCurrentStatus() {
        applyHistory();
        tables().truncate();
        List<DomainEventMessage<?>> untilFirstClosed = events().subList(0, 8);
        new Projector(projection).apply(untilFirstClosed);
        jdbc.update("TRUNCATE revocation_intent_view");
        new Projector(new RevocationIntentProjection(jdbc)).apply(proposedConfirmedCancelled().events());
        new Projector(new RevocationIntentProjection(jdbc)).apply(recordedByOwner().events());

        assertThat(view().revocation()).isEqualTo(new EntitlementView.Revocation(FIRST.value(), "cancelled"));
        assertThat(view().access()).isEqualTo("suspended");
        jdbc.update("TRUNCATE revocation_intent_view");
    }

    @Test
    void anEntitlementWithoutIntentsHasNoRevocationAndNoMoneyYet() {
        new Projector(projection).apply(entitlement().events());

        assertThat(view().revocation()).isNull();
        assertThat(view().refundedMinor()).isZero();
        assertThat(view().openDisputes()).isZero();
    }
}
