package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.Map;

/**
 * A price of an offer: one-time ({@code interval} null) or recurring every {@code intervalCount} intervals. Its id
 * ({@code pri_…}) is derived from the publisher, offer and terms, so a different amount or cadence is a different
 * price, as in Stripe, and a retried draft finds the same one.
 */
public record CatalogPrice(String priceId, Money amount, String interval, Integer intervalCount) {
    /** Stripe's own limit: at most one year between bills. */
    private static final Map<String, Integer> MAX_COUNT = Map.of("day", 365, "week", 52, "month", 12, "year", 1);

    public static CatalogPrice of(PublisherId publisher, OfferId offer, Money amount, String interval,
                                  Integer intervalCount) {
        if (amount.amountMinor() <= 0) {
            throw new BillingRuleViolation("invalid_price", "price.amountMinor must be a positive amount.");
        }
        Integer count = intervalCount;
        if (interval == null) {
            if (count != null) {
                throw new BillingRuleViolation("invalid_price", "price.intervalCount needs price.interval.");
            }
        } else {
            Integer max = MAX_COUNT.get(interval);
            if (max == null) {
                throw new BillingRuleViolation("invalid_price", "price.interval must be day, week, month or year.");
            }
            count = count == null ? 1 : count;
            if (count < 1 || count > max) {
                throw new BillingRuleViolation("invalid_price",
                        "price.intervalCount must be 1-" + max + " for interval " + interval + ".");
            }
        }
        String id = DerivedIds.hashed("pri", String.join("|", publisher.value(), offer.value(),
                String.valueOf(amount.amountMinor()), amount.currency(), String.valueOf(interval),
                String.valueOf(count)));
        return new CatalogPrice(id, amount, interval, count);
    }

    public boolean recurring() {
        return interval != null;
    }

    /** "9.00 USD", "15.00 USD per month", "45.00 USD every 3 months": the form phrases and views use. */
    public String display() {
        return amount.display() + cadence(interval, intervalCount);
    }

    /** " per month", " every 3 months", or nothing for a one-time price. */
    public static String cadence(String interval, Integer intervalCount) {
        if (interval == null) {
            return "";
        }
        return intervalCount == null || intervalCount == 1 ? " per " + interval
                : " every " + intervalCount + " " + interval + "s";
    }
}
