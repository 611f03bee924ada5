package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.OfferId;

import java.util.List;

/** The exact phrases that confirm the catalogue's billing writes. */
public final class CatalogConfirmationPolicy {
    private CatalogConfirmationPolicy() {
    }

    public static String saveProduct(String title, ProductKind kind) {
        return "Save product " + title + " (" + kind.publicName() + ")";
    }

    public static String saveOffer(String title, CatalogPrice price) {
        return "Save draft offer " + title + " at " + price.display();
    }

    public static String publish(String title, CatalogPrice price) {
        return "Publish offer " + title + " at " + price.display();
    }

    public static String archive(String title) {
        return "Archive offer " + title;
    }

    /** Names the bumps by offer id, which the offer's own state holds: "... to launch-templates, launch-kit". */
    public static String setOrderBumps(String title, List<OfferId> bumps) {
        String listed = bumps.isEmpty() ? "none" : String.join(", ",
                bumps.stream().map(OfferId::value).toList());
        return "Set the order bumps of " + title + " to " + listed;
    }

    public static String syncToStripe(String title, CatalogPrice price) {
        return "Sync offer " + title + " at " + price.display() + " to Stripe";
    }
}
