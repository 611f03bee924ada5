package com.bumpgrade.commerce.projections.revocation;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentClosed;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentConfirmed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentProposed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentRecorded;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.projections.support.AggregateStream;

import static com.bumpgrade.commerce.projections.support.Stories.ENTITLEMENT;
import static com.bumpgrade.commerce.projections.support.Stories.FULL_REFUND_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.OWNER;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;

/**
 * Revocation stories of the entitlement of {@code Stories}: a full refund proposes the first intent, the owner
 * confirms and then cancels it, then records a second one directly; a rival publisher's intent is dismissed.
 */
final class RevocationStories {
    static final OfferId OFFER = OfferId.of("launch-pass");
    static final RevocationIntentId FIRST = RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 1);
    static final RevocationIntentId SECOND = RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 2);
    static final PublisherId RIVAL = PublisherId.of("rival");
    static final CheckoutIntentId RIVAL_CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000009");
    static final EntitlementId RIVAL_ENTITLEMENT = EntitlementId.forPurchase(RIVAL_CHECKOUT, OFFER);
    static final RevocationIntentId RIVAL_INTENT = RevocationIntentId.forEntitlement(RIVAL_ENTITLEMENT.value(), 1);

    private RevocationStories() {
    }

    static AggregateStream proposedConfirmedCancelled() {
        return AggregateStream.of("RevocationIntent", FIRST.value())
                .then(new RevocationIntentProposed(FIRST, PUBLISHER, ENTITLEMENT, PAID_CHECKOUT, OFFER, "full_refund",
                        FULL_REFUND_EVIDENCE, at(100)), at(100))
                .then(new RevocationIntentConfirmed(FIRST, PUBLISHER, ENTITLEMENT, OWNER, at(110)), at(110))
                .then(new RevocationIntentCancelled(FIRST, PUBLISHER, ENTITLEMENT, OWNER, at(120)), at(120));
    }

    static AggregateStream recordedByOwner() {
        return AggregateStream.of("RevocationIntent", SECOND.value())
                .then(new RevocationIntentRecorded(SECOND, PUBLISHER, ENTITLEMENT, PAID_CHECKOUT, OFFER,
                        "Shared the download link", OWNER, at(130)), at(130));
    }

    static AggregateStream rivalDismissed() {
        return AggregateStream.of("RevocationIntent", RIVAL_INTENT.value())
                .then(new RevocationIntentProposed(RIVAL_INTENT, RIVAL, RIVAL_ENTITLEMENT, RIVAL_CHECKOUT, OFFER,
                        "dispute_lost", FULL_REFUND_EVIDENCE, at(101)), at(101))
                .then(new RevocationIntentDismissed(RIVAL_INTENT, RIVAL, RIVAL_ENTITLEMENT, OWNER, at(111)), at(111));
    }

    /** The entitlement's own events for the two intents, appended after {@code Stories.entitlement()}'s six. */
    static RevocationIntentOpened firstOpened() {
        return new RevocationIntentOpened(ENTITLEMENT, PUBLISHER, PAID_CHECKOUT, OFFER, FIRST, 1, true, "full_refund",
                null, FULL_REFUND_EVIDENCE, at(100));
    }

    static RevocationIntentClosed firstClosed() {
        return new RevocationIntentClosed(ENTITLEMENT, PUBLISHER, FIRST, "cancelled", at(120));
    }

    static RevocationIntentOpened secondOpened() {
        return new RevocationIntentOpened(ENTITLEMENT, PUBLISHER, PAID_CHECKOUT, OFFER, SECOND, 2, false,
                "Shared the download link", OWNER, null, at(130));
    }
}
