package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutConfirmationPolicyTest {

    private static final String SEED_PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    private static CheckoutLine line(String title, long quantity, long unitMinor, boolean bump) {
        return new CheckoutLine(OfferId.of("offer_" + Math.abs(title.hashCode())), title, quantity,
                Money.of(unitMinor, "USD"), bump);
    }

    @Test
    void seedPhraseForOneLaunchPass() {
        List<CheckoutLine> lines = List.of(line("Bumpgrade launch pass", 1, 900, false));

        assertThat(CheckoutConfirmationPolicy.phraseToCreate(lines, Money.of(900, "USD"))).isEqualTo(SEED_PHRASE);
    }

    @Test
    void phraseFromTheCartPolicyMatchesTheSeedPhrase() {
        PricedOffer launchPass = new PricedOffer(OfferId.of("offer_launch_pass"), "Bumpgrade launch pass",
                PricedOffer.Role.MAIN, Money.of(900, "USD"));
        CartPolicy.Cart cart = CartPolicy.cartFor(launchPass, 1, List.of());

        assertThat(CheckoutConfirmationPolicy.phraseToCreate(cart.lines(), cart.total())).isEqualTo(SEED_PHRASE);
    }

    @Test
    void quantityAboveOneIsNamedWithTheTitle() {
        List<CheckoutLine> lines = List.of(line("Bumpgrade launch pass", 2, 900, false));

        assertThat(CheckoutConfirmationPolicy.phraseToCreate(lines, Money.of(1800, "USD")))
                .isEqualTo("Create checkout for 2 x Bumpgrade launch pass at 18.00 USD");
    }

    @Test
    void bumpsAreJoinedWithPlusInCartOrder() {
        List<CheckoutLine> lines = List.of(
                line("Bumpgrade launch pass", 2, 900, false),
                line("Launch workbook", 1, 500, true),
                line("Swipe file", 1, 250, true));

        assertThat(CheckoutConfirmationPolicy.phraseToCreate(lines, Money.of(2550, "USD")))
                .isEqualTo("Create checkout for 2 x Bumpgrade launch pass + Launch workbook + Swipe file at 25.50 USD");
    }

    @Test
    void phraseNamesTheTotalItIsGiven() {
        List<CheckoutLine> lines = List.of(line("Bumpgrade launch pass", 1, 900, false));

        assertThat(CheckoutConfirmationPolicy.phraseToCreate(lines, Money.of(1000, "USD")))
                .isEqualTo("Create checkout for Bumpgrade launch pass at 10.00 USD")
                .isNotEqualTo(SEED_PHRASE);
    }

    @Test
    void expiryPhraseNamesTheCheckoutIntent() {
        CheckoutIntentId id = CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef");

        assertThat(CheckoutConfirmationPolicy.phraseToExpire(id))
                .isEqualTo("Expire checkout chk_0123456789abcdef0123456789abcdef");
    }

    @Test
    void expiryPhraseForOneIntentDoesNotConfirmAnother() {
        String required = CheckoutConfirmationPolicy.phraseToExpire(
                CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef"));
        String forOther = CheckoutConfirmationPolicy.phraseToExpire(
                CheckoutIntentId.of("chk_ffffffffffffffffffffffffffffffff"));

        assertThat(Confirmation.confirms(required, forOther)).isFalse();
        assertThat(Confirmation.confirms(required, required)).isTrue();
    }

    @Test
    void planPhraseNamesTheSubscribingPublisherThePlanTheTotalAndTheInterval() {
        assertThat(CheckoutConfirmationPolicy.phraseToSubscribePublisher(PublisherId.of("demo"),
                "Bumpgrade creator plan", Money.of(2900, "USD"), "month"))
                .isEqualTo("Subscribe demo to Bumpgrade creator plan at 29.00 USD per month");
    }

    @Test
    void planPhraseForOnePublisherDoesNotConfirmAnother() {
        String forDemo = CheckoutConfirmationPolicy.phraseToSubscribePublisher(PublisherId.of("demo"),
                "Bumpgrade creator plan", Money.of(2900, "USD"), "month");
        String forRival = CheckoutConfirmationPolicy.phraseToSubscribePublisher(PublisherId.of("rival"),
                "Bumpgrade creator plan", Money.of(2900, "USD"), "month");

        assertThat(Confirmation.confirms(forDemo, forRival)).isFalse();
    }

    @Test
    void aBuyerChoicePhraseNamesTheMainLineAndUpToEachBump() {
        List<CheckoutLine> lines = List.of(line("Bumpgrade launch pass", 2, 900, false),
                line("Bumpgrade launch templates", 1, 500, true), line("Launch kit", 1, 300, true));

        assertThat(CheckoutConfirmationPolicy.phraseToOfferBumps(lines)).isEqualTo("Create checkout for 2 x Bumpgrade "
                + "launch pass at 18.00 USD plus up to Bumpgrade launch templates (5.00 USD) + Launch kit (3.00 USD)");
        assertThat(CheckoutConfirmationPolicy.phraseToOfferBumps(lines.subList(0, 1)))
                .isEqualTo("Create checkout for 2 x Bumpgrade launch pass at 18.00 USD");
    }
}
