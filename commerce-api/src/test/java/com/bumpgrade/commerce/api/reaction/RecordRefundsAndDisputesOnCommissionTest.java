package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.RecordCommissionDispute;
import com.bumpgrade.commerce.domain.commission.RecordCommissionRefund;
import com.bumpgrade.commerce.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.AT;
import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.CHECKOUT;
import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.CLICK;
import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.DEMO;
import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.EVIDENCE;
import static com.bumpgrade.commerce.api.reaction.OpenCommissionWhenReferredCheckoutPaidTest.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

class RecordRefundsAndDisputesOnCommissionTest {
    private static final CommissionEntryId ENTRY = CommissionEntryId.forClick(CLICK);
    private static final Money REFUNDED = Money.of(3_000, "USD");

    private final InMemoryCommissionAttributions attributions = new InMemoryCommissionAttributions();
    private final RecordingCommands commands = new RecordingCommands();
    private final RecordRefundsAndDisputesOnCommission reaction =
            new RecordRefundsAndDisputesOnCommission(attributions, commands);

    private void givenAnOpenedEntry() {
        attributions.remember(CHECKOUT, DEMO, CLICK, PARTNER, 1_500);
        attributions.markEntryOpened(CHECKOUT);
    }

    private static CheckoutRefunded refunded() {
        return new CheckoutRefunded(CHECKOUT, DEMO, EVIDENCE, REFUNDED, REFUNDED, false, AT);
    }

    @Test
    void aRefundOfACheckoutWithAnOpenedEntryIsRecordedOnTheEntry() {
        givenAnOpenedEntry();

        reaction.on(refunded());

        assertThat(commands.sent()).containsExactly(new RecordCommissionRefund(ENTRY, REFUNDED, EVIDENCE, AT));
    }

    @Test
    void disputesOpenedAndClosedAreRecordedInOrder() {
        givenAnOpenedEntry();

        reaction.on(new CheckoutDisputeOpened(CHECKOUT, DEMO, EVIDENCE, "dsp_1", "needs_response", REFUNDED, AT));
        reaction.on(new CheckoutDisputeClosed(CHECKOUT, DEMO, EVIDENCE, "dsp_1", "lost", REFUNDED, AT));

        assertThat(commands.sent()).containsExactly(
                new RecordCommissionDispute(ENTRY, "dsp_1", DisputePhase.OPENED, "needs_response", EVIDENCE, AT),
                new RecordCommissionDispute(ENTRY, "dsp_1", DisputePhase.CLOSED, "lost", EVIDENCE, AT));
    }

    @Test
    void anAttributedCheckoutWhoseEntryNeverOpenedHasNothingToRecord() {
        attributions.remember(CHECKOUT, DEMO, CLICK, PARTNER, 1_500);

        reaction.on(refunded());
        reaction.on(new CheckoutDisputeOpened(CHECKOUT, DEMO, EVIDENCE, "dsp_1", "needs_response", REFUNDED, AT));

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aCheckoutWithoutReferralHasNothingToRecord() {
        reaction.on(refunded());

        assertThat(commands.sent()).isEmpty();
    }
}
