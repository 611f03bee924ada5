package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.revocation.RevocationFollowUps;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.entitlement.CloseRevocationIntent;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.OpenRevocationIntent;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.StartRevocationIntent;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three revocation reactions, event in, commands out, and nothing else. */
class RevocationReactionsTest {
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_" + "a".repeat(32));
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final WebhookEvidenceId EVIDENCE = WebhookEvidenceId.of("whk_" + "b".repeat(32));
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final OfferId MAIN = OfferId.of("launch-pass");
    private static final OfferId BUMP = OfferId.of("launch-templates");
    private static final EntitlementId MAIN_ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, MAIN);
    private static final EntitlementId BUMP_ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, BUMP);
    private static final RevocationIntentId INTENT = RevocationIntentId.forEntitlement(MAIN_ENTITLEMENT.value(), 1);
    private static final Money FULL = Money.of(1400, "USD");

    private final RecordingCommands commands = new RecordingCommands();
    private final GrantEntitlementsWhenCheckoutPaidTest.InMemoryPurchasedOffers offers =
            new GrantEntitlementsWhenCheckoutPaidTest.InMemoryPurchasedOffers();

    @Nested
    class ProposeWhenMoneyReturned {
        private final ProposeRevocationWhenMoneyReturned reaction =
                new ProposeRevocationWhenMoneyReturned(offers, commands);

        ProposeWhenMoneyReturned() {
            offers.remember(CHECKOUT, DEMO, List.of(new CheckoutLine(MAIN, "Pass", 1, Money.of(900, "USD"), false),
                    new CheckoutLine(BUMP, "Templates", 1, Money.of(500, "USD"), true)));
        }

        @Test
        void aFullRefundProposesForEachOfferBought() {
            reaction.on(new CheckoutRefunded(CHECKOUT, DEMO, EVIDENCE, FULL, FULL, true, AT));

            assertThat(commands.sent()).containsExactly(
                    OpenRevocationIntent.fromMoney(MAIN_ENTITLEMENT, DEMO, "full_refund", EVIDENCE, AT),
                    OpenRevocationIntent.fromMoney(BUMP_ENTITLEMENT, DEMO, "full_refund", EVIDENCE, AT));
        }

        @Test
        void aLostDisputeProposesAndOtherOutcomesDoNot() {
            reaction.on(new CheckoutDisputeClosed(CHECKOUT, DEMO, EVIDENCE, "dsp_1", "won", FULL, AT));
            reaction.on(new CheckoutDisputeClosed(CHECKOUT, DEMO, EVIDENCE, "dsp_1", "lost", FULL, AT));

            assertThat(commands.sent()).containsExactly(
                    OpenRevocationIntent.fromMoney(MAIN_ENTITLEMENT, DEMO, "dispute_lost", EVIDENCE, AT),
                    OpenRevocationIntent.fromMoney(BUMP_ENTITLEMENT, DEMO, "dispute_lost", EVIDENCE, AT));
        }

        @Test
        void aPartialRefundProposesNothing() {
            reaction.on(new CheckoutRefunded(CHECKOUT, DEMO, EVIDENCE, Money.of(300, "USD"), Money.of(300, "USD"),
                    false, AT));

            assertThat(commands.sent()).isEmpty();
        }

        @Test
        void anOfferThatWasNeverGrantedIsSkipped() {
            commands.answer(OpenRevocationIntent.class, command -> {
                if (command.entitlementId().equals(BUMP_ENTITLEMENT)) {
                    throw new AggregateNotFoundException(BUMP_ENTITLEMENT.value(), "not granted");
                }
                return null;
            });

            reaction.on(new CheckoutRefunded(CHECKOUT, DEMO, EVIDENCE, FULL, FULL, true, AT));

            assertThat(commands.sent()).hasSize(2);
        }
    }

    @Nested
    class FollowUps {
        private final RevocationFollowUps followUps = new RevocationFollowUps(commands);

        @Test
        void anOpenedSlotStartsItsIntentWithTheSameFacts() {
            RevocationIntentOpened opened = new RevocationIntentOpened(MAIN_ENTITLEMENT, DEMO, CHECKOUT, MAIN, INTENT,
                    1, true, "full_refund", null, EVIDENCE, AT);

            new StartRevocationIntentWhenOpened(followUps).on(opened);

            assertThat(commands.sent()).containsExactly(new StartRevocationIntent(INTENT, DEMO, MAIN_ENTITLEMENT,
                    CHECKOUT, MAIN, true, "full_refund", null, EVIDENCE, AT));
        }

        @Test
        void aStartThatRacedTheRouteIsSentOnceMoreToFindTheIntent() {
            int[] calls = {0};
            commands.answer(StartRevocationIntent.class, command -> {
                if (calls[0]++ == 0) {
                    throw new ConcurrencyException("the route appended first");
                }
                return false;
            });

            new StartRevocationIntentWhenOpened(followUps).on(new RevocationIntentOpened(MAIN_ENTITLEMENT, DEMO,
                    CHECKOUT, MAIN, INTENT, 1, true, "full_refund", null, EVIDENCE, AT));

            assertThat(commands.sent()).hasSize(2);
        }

        @Test
        void aDismissedOrCancelledIntentFreesTheEntitlementsSlot() {
            FreeRevocationSlotWhenIntentClosed reaction = new FreeRevocationSlotWhenIntentClosed(followUps);

            reaction.on(new RevocationIntentDismissed(INTENT, DEMO, MAIN_ENTITLEMENT, null, AT));
            reaction.on(new RevocationIntentCancelled(INTENT, DEMO, MAIN_ENTITLEMENT, null, AT));

            assertThat(commands.sent()).containsExactly(
                    new CloseRevocationIntent(MAIN_ENTITLEMENT, INTENT, "dismissed", AT),
                    new CloseRevocationIntent(MAIN_ENTITLEMENT, INTENT, "cancelled", AT));
        }
    }
}
