package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.OpenCommissionEntry;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OpenCommissionWhenReferredCheckoutPaidTest {
    static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_" + "c".repeat(32));
    static final PublisherId DEMO = PublisherId.of("demo");
    static final ReferralClickId CLICK = ReferralClickId.random();
    static final PartnerId PARTNER = PartnerId.of("partner-1");
    static final WebhookEvidenceId EVIDENCE = WebhookEvidenceId.of("whk_" + "d".repeat(32));
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryCommissionAttributions attributions = new InMemoryCommissionAttributions();
    private final RecordingCommands commands = new RecordingCommands();
    private final OpenCommissionWhenReferredCheckoutPaid reaction =
            new OpenCommissionWhenReferredCheckoutPaid(attributions, commands);

    static CheckoutReferralAttributed attributed(ReferralClickId click) {
        return new CheckoutReferralAttributed(CHECKOUT, DEMO, new ReferralAttribution(click, PARTNER, 1_500,
                AT.minusSeconds(60)), AT.minusSeconds(30), null);
    }

    private static CheckoutPaid paid() {
        return new CheckoutPaid(CHECKOUT, DEMO, EVIDENCE, Money.of(9_000, "USD"), AT);
    }

    private static OpenCommissionEntry open() {
        return new OpenCommissionEntry(CommissionEntryId.forClick(CLICK), DEMO, PARTNER, CHECKOUT, CLICK,
                Money.of(9_000, "USD"), 1_500, EVIDENCE, AT);
    }

    @Test
    void aPaidReferredCheckoutOpensTheClicksEntryAndRemembersItIsOpen() {
        reaction.on(attributed(CLICK));

        reaction.on(paid());

        assertThat(commands.sent()).containsExactly(open());
        assertThat(attributions.of(CHECKOUT).orElseThrow().entryOpened()).isTrue();
    }

    @Test
    void aPaidCheckoutWithoutReferralOpensNothing() {
        reaction.on(paid());

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aSecondAttributionOfTheSameCheckoutIsIgnoredTheFirstClickEarns() {
        reaction.on(attributed(CLICK));
        reaction.on(attributed(ReferralClickId.random()));

        reaction.on(paid());

        assertThat(commands.sent()).containsExactly(open());
    }

    @Test
    void aClickThatAlreadyEarnedOnAnotherCheckoutEarnsNothingAndTheEntryStaysUnopened() {
        commands.refuse(OpenCommissionEntry.class, new BillingRuleViolation("click_already_earned", "earned"));
        reaction.on(attributed(CLICK));

        reaction.on(paid());

        assertThat(commands.sent()).containsExactly(open());
        assertThat(attributions.of(CHECKOUT).orElseThrow().entryOpened()).isFalse();
    }
}
