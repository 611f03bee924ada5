package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Derives the exact confirmation phrase an agent must send back. The phrase names what is bought and the
 * total, so a confirmation given for one cart can never confirm another.
 */
public final class CheckoutConfirmationPolicy {
    private CheckoutConfirmationPolicy() {
    }

    public static String phraseToCreate(List<CheckoutLine> lines, Money total) {
        String items = lines.stream()
                .map(line -> line.quantity() == 1 ? line.title() : line.quantity() + " x " + line.title())
                .collect(Collectors.joining(" + "));
        return "Create checkout for " + items + " at " + total.display();
    }

    /**
     * Buyer-choice bumps are not bought yet, so the phrase names the main line and its total, then each bump the
     * buyer may add: "Create checkout for Bumpgrade launch pass at 9.00 USD plus up to Bumpgrade launch templates
     * (5.00 USD)".
     */
    public static String phraseToOfferBumps(List<CheckoutLine> lines) {
        List<CheckoutLine> main = lines.stream().filter(line -> !line.orderBump()).toList();
        String bumps = lines.stream().filter(CheckoutLine::orderBump)
                .map(line -> line.title() + " (" + line.unitPrice().display() + ")")
                .collect(Collectors.joining(" + "));
        String phrase = phraseToCreate(main, CartPolicy.total(main));
        return bumps.isEmpty() ? phrase : phrase + " plus up to " + bumps;
    }

    /** For a subscription the phrase names the billing interval too: "... at 15.00 USD per month". */
    public static String phraseToSubscribe(List<CheckoutLine> lines, Money total, String interval) {
        return phraseToSubscribe(lines, total, interval, 1);
    }

    /** Every few intervals: "... at 45.00 USD every 3 months", so the buyer's agent confirms the real cadence. */
    public static String phraseToSubscribe(List<CheckoutLine> lines, Money total, String interval, int count) {
        return phraseToCreate(lines, total) + CatalogPrice.cadence(interval, count);
    }

    public static String phraseToExpire(CheckoutIntentId id) {
        return "Expire checkout " + id.value();
    }

    /**
     * An owner subscribing their own publisher to a Bumpgrade plan: "Subscribe pub_demo to Bumpgrade Pro at 29.00
     * USD per month". It names the subscribing publisher, since the plan is billed to it rather than to a buyer.
     */
    public static String phraseToSubscribePublisher(PublisherId publisher, String planTitle, Money total,
                                                    String interval) {
        return "Subscribe " + publisher.value() + " to " + planTitle + " at " + total.display() + " per " + interval;
    }
}
