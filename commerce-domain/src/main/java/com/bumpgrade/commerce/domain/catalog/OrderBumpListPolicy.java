package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.OfferId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order bumps a main offer lists: at most {@value #MAX_ORDER_BUMPS} (Stripe shows them all on one page, and
 * a checkout adds at most as many), each once, never the main offer itself, and only on a main offer.
 */
public final class OrderBumpListPolicy {
    public static final int MAX_ORDER_BUMPS = 5;

    private OrderBumpListPolicy() {
    }

    public static void require(OfferId main, OfferRole mainRole, List<OfferId> bumps) {
        if (mainRole != OfferRole.MAIN) {
            throw new BillingRuleViolation("not_a_main_offer", "Only a main offer lists order bumps.");
        }
        if (bumps.size() > MAX_ORDER_BUMPS) {
            throw new BillingRuleViolation("too_many_order_bumps",
                    "A main offer lists at most " + MAX_ORDER_BUMPS + " order bumps.");
        }
        Set<OfferId> seen = new HashSet<>();
        for (OfferId bump : bumps) {
            if (bump.equals(main) || !seen.add(bump)) {
                throw new BillingRuleViolation("duplicate_order_bump",
                        "Order bump '" + bump.value() + "' is listed more than once.");
            }
        }
    }
}
