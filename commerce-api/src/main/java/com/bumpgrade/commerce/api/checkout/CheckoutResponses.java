package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.domain.checkout.CartPolicy;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.shared.Money;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of the checkout routes: Bumpgrade ids, statuses and amounts only. */
final class CheckoutResponses {
    private CheckoutResponses() {
    }

    /**
     * What a checkout preview shows besides its phrase and reason (which the envelope adds first). With buyer-choice
     * bumps, {@code total} is the main line's: each bump line is what the buyer may add.
     */
    static Map<String, Object> previewFields(String offerId, CartPolicy.Cart cart, OrderBumpMode bumpMode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", offerId);
        body.put("mode", cart.mode().name().toLowerCase(Locale.ROOT));
        body.put("orderBumpMode", bumpMode.publicName());
        body.put("lines", lines(cart.lines()));
        body.put("total", amount(cart.total()));
        if (cart.interval() != null) {
            body.put("interval", cart.interval());
        }
        return body;
    }

    static Map<String, Object> opened(CheckoutIntentId id, String offerId, CartPolicy.Cart cart,
                                      OrderBumpMode bumpMode, String baseUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "open");
        body.put("checkoutIntentId", id.value());
        body.put("checkoutUrl", baseUrl + "/checkout/" + id.value());
        body.put("offerId", offerId);
        body.put("mode", cart.mode().name().toLowerCase(Locale.ROOT));
        body.put("orderBumpMode", bumpMode.publicName());
        body.put("lines", lines(cart.lines()));
        body.put("total", amount(cart.total()));
        return body;
    }

    static Map<String, Object> stripeFailed(CheckoutIntentId id) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "stripe_unavailable");
        error.put("message", "Stripe could not open the Checkout Session. Nothing was charged; "
                + "retry with the same Idempotency-Key.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("checkoutIntentId", id.value());
        body.put("status", "session_failed");
        return body;
    }

    static List<Map<String, Object>> lines(List<CheckoutLine> lines) {
        return lines.stream().map(line -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("offerId", line.offerId().value());
            json.put("title", line.title());
            json.put("quantity", line.quantity());
            json.put("unitPrice", amount(line.unitPrice()));
            json.put("lineTotal", amount(line.lineTotal()));
            json.put("orderBump", line.orderBump());
            return json;
        }).toList();
    }

    static Map<String, Object> amount(Money money) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("amountMinor", money.amountMinor());
        json.put("currency", money.currency());
        json.put("display", money.display());
        return json;
    }
}
