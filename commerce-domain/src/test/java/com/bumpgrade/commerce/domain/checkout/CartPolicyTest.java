package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartPolicyTest {

    private static final PricedOffer LAUNCH_PASS = main("offer_launch_pass", "Bumpgrade launch pass", 900, "USD");

    private static PricedOffer main(String id, String title, long amountMinor, String currency) {
        return new PricedOffer(OfferId.of(id), title, PricedOffer.Role.MAIN, Money.of(amountMinor, currency));
    }

    private static PricedOffer bump(String id, long amountMinor, String currency) {
        return new PricedOffer(OfferId.of(id), "Bump " + id, PricedOffer.Role.ORDER_BUMP,
                Money.of(amountMinor, currency));
    }

    private static void assertViolation(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(BillingRuleViolation.class)
                .extracting(e -> ((BillingRuleViolation) e).code())
                .isEqualTo(code);
    }

    // ---- quantity ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1, 99})
    void quantityWithinBoundsIsAccepted(long quantity) {
        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, quantity, List.of());

        assertThat(cart.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(quantity));
        assertThat(cart.total()).isEqualTo(Money.of(900 * quantity, "USD"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 100, 10_000, -1})
    void quantityOutsideBoundsIsRefused(long quantity) {
        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, quantity, List.of()), "invalid_quantity");
    }

    // ---- lines and totals -------------------------------------------------------------------------------------

    @Test
    void singleMainOfferBecomesOnePaymentLine() {
        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 1, List.of());

        assertThat(cart.mode()).isEqualTo(CheckoutMode.PAYMENT);
        assertThat(cart.lines()).containsExactly(
                new CheckoutLine(OfferId.of("offer_launch_pass"), "Bumpgrade launch pass", 1, Money.of(900, "USD"), false));
        assertThat(cart.total()).isEqualTo(Money.of(900, "USD"));
    }

    @Test
    void bumpsAreAddedOnceEachAfterTheMainLineAndCountInTheTotal() {
        PricedOffer workbook = bump("offer_workbook", 500, "USD");

        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 2, List.of(workbook));

        assertThat(cart.lines()).containsExactly(
                new CheckoutLine(LAUNCH_PASS.offerId(), "Bumpgrade launch pass", 2, Money.of(900, "USD"), false),
                new CheckoutLine(workbook.offerId(), "Bump offer_workbook", 1, Money.of(500, "USD"), true));
        assertThat(cart.total()).isEqualTo(Money.of(2300, "USD"));
        assertThat(cart.total().display()).isEqualTo("23.00 USD");
    }

    @Test
    void bumpQuantityStaysOneWhateverTheMainQuantity() {
        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 3,
                List.of(bump("offer_a", 100, "USD"), bump("offer_b", 250, "USD")));

        assertThat(cart.lines()).extracting(CheckoutLine::quantity).containsExactly(3L, 1L, 1L);
        assertThat(cart.lines()).extracting(CheckoutLine::orderBump).containsExactly(false, true, true);
        assertThat(cart.total()).isEqualTo(Money.of(3 * 900 + 100 + 250, "USD"));
    }

    @Test
    void linesOfTheCartCannotBeModified() {
        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 1, List.of());

        assertThatThrownBy(() -> cart.lines().add(cart.lines().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- order bumps ------------------------------------------------------------------------------------------

    @Test
    void fiveBumpsAreAllowed() {
        List<PricedOffer> bumps = List.of(bump("offer_1", 100, "USD"), bump("offer_2", 100, "USD"),
                bump("offer_3", 100, "USD"), bump("offer_4", 100, "USD"), bump("offer_5", 100, "USD"));

        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 1, bumps);

        assertThat(cart.lines()).hasSize(6);
        assertThat(cart.total()).isEqualTo(Money.of(1400, "USD"));
    }

    @Test
    void sixBumpsAreTooMany() {
        List<PricedOffer> bumps = List.of(bump("offer_1", 100, "USD"), bump("offer_2", 100, "USD"),
                bump("offer_3", 100, "USD"), bump("offer_4", 100, "USD"), bump("offer_5", 100, "USD"),
                bump("offer_6", 100, "USD"));

        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, bumps), "too_many_order_bumps");
    }

    @Test
    void theBumpCountIsCheckedOnItsOwnBeforeAnyBumpIsLookedUp() {
        CartPolicy.requireOrderBumpCount(0);
        CartPolicy.requireOrderBumpCount(CartPolicy.MAX_ORDER_BUMPS);

        assertViolation(() -> CartPolicy.requireOrderBumpCount(CartPolicy.MAX_ORDER_BUMPS + 1), "too_many_order_bumps");
    }

    @Test
    void sameBumpTwiceIsRefused() {
        PricedOffer workbook = bump("offer_workbook", 500, "USD");

        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(workbook, workbook)), "duplicate_order_bump");
    }

    @Test
    void mainOfferListedAgainAsABumpIsRefused() {
        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(LAUNCH_PASS)), "duplicate_order_bump");
    }

    @Test
    void bumpCarryingTheMainOffersIdIsRefusedEvenWithTheBumpRole() {
        PricedOffer sameIdAsBump = bump("offer_launch_pass", 500, "USD");

        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(sameIdAsBump)), "duplicate_order_bump");
    }

    @Test
    void mainOfferCannotBeAddedAsABump() {
        PricedOffer anotherMain = main("offer_course", "Course", 4900, "USD");

        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(anotherMain)), "not_an_order_bump");
    }

    @Test
    void recurringBumpIsRefused() {
        PricedOffer recurring = new PricedOffer(OfferId.of("offer_club"), "Club", PricedOffer.Role.ORDER_BUMP,
                Money.of(1000, "USD"), "month");

        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(recurring)), "not_an_order_bump");
    }

    @Test
    void bumpInAnotherCurrencyIsRefused() {
        assertViolation(() -> CartPolicy.cartFor(LAUNCH_PASS, 1, List.of(bump("offer_eur", 500, "EUR"))),
                "order_bump_currency_mismatch");
    }

    // ---- main offer -------------------------------------------------------------------------------------------

    @Test
    void bumpOfferCannotBeCheckedOutOnItsOwn() {
        assertViolation(() -> CartPolicy.cartFor(bump("offer_workbook", 500, "USD"), 1, List.of()),
                "not_a_main_offer");
    }

    @Test
    void recurringMainOfferIsRefused() {
        PricedOffer membership = new PricedOffer(OfferId.of("offer_membership"), "Membership", PricedOffer.Role.MAIN,
                Money.of(1500, "USD"), "month");

        CartPolicy.Cart cart = CartPolicy.cartFor(membership, 1, List.of());
        assertThat(cart.mode()).isEqualTo(CheckoutMode.SUBSCRIPTION);
        assertThat(cart.interval()).isEqualTo("month");
        assertThat(cart.total()).isEqualTo(Money.of(1500, "USD"));
        assertViolation(() -> CartPolicy.cartFor(membership, 2, List.of()), "subscription_checkout_is_single");
        PricedOffer bump = new PricedOffer(OfferId.of("offer_bump"), "Bump", PricedOffer.Role.ORDER_BUMP,
                Money.of(100, "USD"));
        assertViolation(() -> CartPolicy.cartFor(membership, 1, List.of(bump)), "subscription_checkout_is_single");
    }

    @Test
    void onlyBumpsTheMainOfferListsMayRide() {
        CartPolicy.Cart cart = CartPolicy.cartFor(LAUNCH_PASS, 1,
                List.of(bump("offer_a", 100, "USD"), bump("offer_b", 250, "USD")));

        CartPolicy.requireOffered(List.of(OfferId.of("offer_b"), OfferId.of("offer_a")), cart.lines());
        assertThatThrownBy(() -> CartPolicy.requireOffered(List.of(OfferId.of("offer_a")), cart.lines()))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("order_bump_not_offered"));
    }

    @Test
    void offeredBumpsLeaveTheMainLineAsTheCertainTotalAndTheBuyerPicksAmongThem() {
        CartPolicy.Cart cart = CartPolicy.offeringBumps(CartPolicy.cartFor(LAUNCH_PASS, 2,
                List.of(bump("offer_a", 100, "USD"), bump("offer_b", 250, "USD"))));

        assertThat(cart.total()).isEqualTo(Money.of(1800, "USD"));
        assertThat(cart.lines()).hasSize(3);
        assertThat(CartPolicy.bought(cart.lines(), List.of(OfferId.of("offer_b"))))
                .extracting(line -> line.offerId().value()).containsExactly("offer_launch_pass", "offer_b");
    }
}
