package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What may be put in one checkout: a main offer in a sane quantity, plus a few distinct, one-time order bumps
 * in the same currency. Pre-selected bumps become extra line items of the Checkout Session. A recurring offer is
 * checked out alone, as a subscription.
 */
public final class CartPolicy {
    public static final int MAX_QUANTITY = 99;
    public static final int MAX_ORDER_BUMPS = 5;

    private CartPolicy() {
    }

    /**
     * {@code interval} is the billing interval of a subscription cart, null for a one-time purchase; it is billed
     * every {@code intervalCount} intervals.
     */
    public record Cart(CheckoutMode mode, List<CheckoutLine> lines, Money total, String interval, int intervalCount) {
    }

    /**
     * Also checked on the requested ids before any of them is looked up, so a caller naming too many bumps hears
     * that rather than which of them is unknown.
     */
    public static void requireOrderBumpCount(int count) {
        if (count > MAX_ORDER_BUMPS) {
            throw new BillingRuleViolation("too_many_order_bumps",
                    "At most " + MAX_ORDER_BUMPS + " order bumps can be added.");
        }
    }

    public static Cart cartFor(PricedOffer main, long quantity, List<PricedOffer> bumps) {
        if (main.role() != PricedOffer.Role.MAIN) {
            throw new BillingRuleViolation("not_a_main_offer",
                    "Offer '" + main.offerId().value() + "' can only be added as an order bump.");
        }
        if (main.recurring() && (quantity != 1 || !bumps.isEmpty())) {
            throw new BillingRuleViolation("subscription_checkout_is_single",
                    "A subscription is checked out alone, in quantity 1, without order bumps.");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new BillingRuleViolation("invalid_quantity", "Quantity must be between 1 and " + MAX_QUANTITY + ".");
        }
        requireOrderBumpCount(bumps.size());
        List<CheckoutLine> lines = new ArrayList<>();
        lines.add(new CheckoutLine(main.offerId(), main.title(), quantity, main.unitPrice(), false));
        Set<String> seen = new HashSet<>();
        for (PricedOffer bump : bumps) {
            if (!seen.add(bump.offerId().value()) || bump.offerId().equals(main.offerId())) {
                throw new BillingRuleViolation("duplicate_order_bump",
                        "Order bump '" + bump.offerId().value() + "' is listed more than once.");
            }
            if (bump.role() != PricedOffer.Role.ORDER_BUMP || bump.recurring()) {
                throw new BillingRuleViolation("not_an_order_bump",
                        "Offer '" + bump.offerId().value() + "' is not a one-time order bump.");
            }
            if (!bump.unitPrice().currency().equals(main.unitPrice().currency())) {
                throw new BillingRuleViolation("order_bump_currency_mismatch",
                        "Order bump '" + bump.offerId().value() + "' is priced in another currency.");
            }
            lines.add(new CheckoutLine(bump.offerId(), bump.title(), 1, bump.unitPrice(), true));
        }
        Money total = lines.stream().map(CheckoutLine::lineTotal).reduce(Money::plus).orElseThrow();
        return new Cart(main.recurring() ? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT, List.copyOf(lines), total,
                main.interval(), main.intervalCount());
    }

    /**
     * A bump rides only on a main offer that lists it (the catalogue's list, as it stood when the checkout was
     * requested): the publisher decides which bumps fit which offer.
     */
    public static void requireOffered(List<OfferId> offered, List<CheckoutLine> lines) {
        for (CheckoutLine line : lines) {
            if (line.orderBump() && !offered.contains(line.offerId())) {
                throw new BillingRuleViolation("order_bump_not_offered",
                        "Order bump '" + line.offerId().value() + "' is not offered with this main offer.");
            }
        }
    }

    /**
     * With {@link OrderBumpMode#BUYER_CHOICE} the bump lines are only offered: the cart's certain total is the main
     * line's, and the buyer may add each bump on Stripe's page.
     */
    public static Cart offeringBumps(Cart cart) {
        return new Cart(cart.mode(), cart.lines(), mainLine(cart.lines()).lineTotal(), cart.interval(),
                cart.intervalCount());
    }

    /** What a buyer-choice buyer bought: the main line and the offered bump lines they took, in the cart's order. */
    public static List<CheckoutLine> bought(List<CheckoutLine> offeredLines, List<OfferId> boughtBumps) {
        return offeredLines.stream().filter(line -> !line.orderBump() || boughtBumps.contains(line.offerId()))
                .toList();
    }

    public static CheckoutLine mainLine(List<CheckoutLine> lines) {
        return lines.stream().filter(line -> !line.orderBump()).findFirst().orElseThrow();
    }

    public static Money total(List<CheckoutLine> lines) {
        return lines.stream().map(CheckoutLine::lineTotal).reduce(Money::plus).orElseThrow();
    }
}
