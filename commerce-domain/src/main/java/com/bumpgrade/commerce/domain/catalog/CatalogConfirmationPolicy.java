package com.bumpgrade.commerce.domain.catalog;

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

    public static String syncToStripe(String title, CatalogPrice price) {
        return "Sync offer " + title + " at " + price.display() + " to Stripe";
    }
}
