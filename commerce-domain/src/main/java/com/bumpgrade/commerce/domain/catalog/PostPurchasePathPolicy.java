package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.ArrayList;
import java.util.List;

/**
 * What a main offer's post-purchase path may hold: an upsell, then a downsell shown if the upsell is declined;
 * each a published offer of the same publisher, of that role, in the main offer's currency. And the phrase that
 * confirms setting it.
 */
public final class PostPurchasePathPolicy {
    private PostPurchasePathPolicy() {
    }

    /** The path's steps: 1 the upsell (a decline leads to 2), 2 the downsell; refused with a named code. */
    public static List<PostPurchaseStep> steps(PublisherId publisher, OfferRole mainRole, CatalogPrice mainPrice,
                                               PostPurchaseOffer upsell, PostPurchaseOffer downsell) {
        if (mainRole != OfferRole.MAIN) {
            throw new BillingRuleViolation("not_a_main_offer", "Only a main offer has a post-purchase path.");
        }
        if (upsell == null) {
            if (downsell != null) {
                throw new BillingRuleViolation("downsell_needs_upsell",
                        "A downsell is shown only when an upsell is declined: name the upsell too.");
            }
            return List.of();
        }
        require(publisher, mainPrice, upsell, OfferRole.UPSELL, "not_an_upsell");
        List<PostPurchaseStep> steps = new ArrayList<>();
        steps.add(new PostPurchaseStep(1, upsell.offerId(), OfferRole.UPSELL, upsell.title(), upsell.price(),
                downsell == null ? null : 2));
        if (downsell != null) {
            require(publisher, mainPrice, downsell, OfferRole.DOWNSELL, "not_a_downsell");
            steps.add(new PostPurchaseStep(2, downsell.offerId(), OfferRole.DOWNSELL, downsell.title(),
                    downsell.price(), null));
        }
        return List.copyOf(steps);
    }

    private static void require(PublisherId publisher, CatalogPrice mainPrice, PostPurchaseOffer offer, OfferRole role,
                                String code) {
        if (!publisher.equals(offer.publisherId())) {
            // another publisher's offer is answered like a missing one
            throw new BillingRuleViolation("unknown_path_offer",
                    "Offer '" + offer.offerId().value() + "' is not in this publisher's catalogue.");
        }
        if (offer.role() != role) {
            throw new BillingRuleViolation(code, "Offer '" + offer.offerId().value() + "' is a "
                    + offer.role().publicName() + " offer, not a " + role.publicName() + ".");
        }
        if (offer.status() != OfferStatus.PUBLISHED) {
            throw new BillingRuleViolation("path_offer_not_published",
                    "Offer '" + offer.offerId().value() + "' is " + offer.status().publicName() + ", not published.");
        }
        if (!offer.price().amount().currency().equals(mainPrice.amount().currency())) {
            throw new BillingRuleViolation("path_currency_mismatch", "Offer '" + offer.offerId().value()
                    + "' is priced in " + offer.price().amount().currency() + ", the main offer in "
                    + mainPrice.amount().currency() + ".");
        }
    }

    /** "Set post-purchase path of T: upsell U at 19.00 USD, then downsell D at 12.00 USD if declined". */
    public static String phrase(String mainTitle, List<PostPurchaseStep> steps) {
        if (steps.isEmpty()) {
            return "Clear post-purchase path of " + mainTitle;
        }
        StringBuilder phrase = new StringBuilder("Set post-purchase path of " + mainTitle + ": ");
        for (int i = 0; i < steps.size(); i++) {
            PostPurchaseStep step = steps.get(i);
            phrase.append(i == 0 ? "" : ", then ").append(step.role().publicName()).append(' ').append(step.title())
                    .append(" at ").append(step.price().display()).append(i == 0 ? "" : " if declined");
        }
        return phrase.toString();
    }
}
