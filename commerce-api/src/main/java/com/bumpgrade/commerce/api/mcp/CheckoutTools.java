package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.checkout.CheckoutListing;
import com.bumpgrade.commerce.api.checkout.CheckoutRequest;
import com.bumpgrade.commerce.api.checkout.CheckoutService;
import com.bumpgrade.commerce.api.checkout.ExpireCheckoutRequest;
import com.bumpgrade.commerce.api.checkout.PlanCheckoutRequest;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentPage;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import io.modelcontextprotocol.server.McpServerFeatures;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billing;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billingRequired;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.integer;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.object;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.oneOf;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.strings;

/** The checkout tools: the same use cases as the checkout routes, through the same envelope. */
@Component
class CheckoutTools implements McpTools {
    private final ToolAnswers answers;
    private final CheckoutService checkout;
    private final QueryGateway queries;
    private final PublicBaseUrl baseUrl;

    CheckoutTools(ToolAnswers answers, CheckoutService checkout, QueryGateway queries, PublicBaseUrl baseUrl) {
        this.answers = answers;
        this.checkout = checkout;
        this.queries = queries;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(startCheckout(), startPlanCheckout(), expireCheckout(), getCheckoutIntent(),
                listCheckoutIntents());
    }

    private McpServerFeatures.AsyncToolSpecification startCheckout() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("offerId", string("A main offer of your publisher, e.g. launch-pass"));
        own.put("quantity", integer("1-99, default 1; 1 for a recurring offer"));
        own.put("orderBumpOfferIds", strings("At most 5 distinct one-time order bumps that the main offer lists "
                + "(list_offers shows them)"));
        own.put("orderBumpMode", oneOf("preselected (default): the bumps are bought with the main offer; "
                + "buyer_choice: the buyer may tick each on Stripe's page", "preselected", "buyer_choice"));
        own.put("referralClickId", string("A click id from the referral click route"));
        return answers.tool("start_checkout", "Start a checkout for a buyer. Without 'confirmation' it only "
                        + "previews: the cart, its total and the exact phrase to confirm, and changes nothing. With the "
                        + "exact phrase it records the checkout intent and opens a Stripe Checkout Session, whose url "
                        + "the buyer follows; it charges nothing until the buyer pays there. The same idempotencyKey "
                        + "again replays the first answer.",
                object(billing(own, false), billingRequired(false, "offerId")),
                HttpMethod.POST, "/api/commerce/checkout",
                call -> ToolAnswers.written(checkout.start(call.caller(), call.envelope(),
                        new CheckoutRequest(call.text("offerId"), call.integer("quantity"),
                                call.texts("orderBumpOfferIds"), call.text("orderBumpMode"),
                                call.text("referralClickId"), call.text("confirmation")),
                        base(call))));
    }

    private McpServerFeatures.AsyncToolSpecification startPlanCheckout() {
        Map<String, Object> own = Map.of("planId", string("The Bumpgrade plan, e.g. creator-plan"));
        return answers.tool("start_plan_checkout", "Subscribe your own publisher to a Bumpgrade plan. Without "
                        + "'confirmation' it previews the plan, its price and the phrase, and changes nothing; with "
                        + "the exact phrase it opens a Stripe subscription Checkout Session for the owner to pay; it "
                        + "charges nothing until the owner pays there, then the plan's price each period.",
                object(billing(own, false), billingRequired(false, "planId")),
                HttpMethod.POST, "/api/commerce/plans/{planId}/checkout",
                call -> ToolAnswers.written(checkout.startPlan(call.caller(), call.envelope(),
                        call.required("planId"), new PlanCheckoutRequest(call.text("confirmation")), base(call))));
    }

    private McpServerFeatures.AsyncToolSpecification expireCheckout() {
        Map<String, Object> own = Map.of("checkoutIntentId", string("The checkout intent, chk_..."));
        return answers.tool("expire_checkout", "Expire a checkout that is not paid: previews without "
                        + "'confirmation'; with the exact phrase, at the intent's current version, it closes the "
                        + "intent and expires its Stripe Checkout Session so the buyer can no longer pay. Charges "
                        + "and refunds nothing.",
                object(billing(own, true), billingRequired(true, "checkoutIntentId")),
                HttpMethod.POST, "/api/commerce/checkout-intents/{checkoutIntentId}/expire",
                call -> ToolAnswers.written(checkout.expire(call.caller(), call.envelope(),
                        call.required("checkoutIntentId"), new ExpireCheckoutRequest(call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification getCheckoutIntent() {
        return answers.tool("get_checkout_intent", "Read one checkout intent of your publisher: status, cart, "
                        + "totals, referral and version (the version a write to it needs). Read-only, free.",
                object(Map.of("checkoutIntentId", string("The checkout intent, chk_...")), "checkoutIntentId"),
                HttpMethod.GET, "/api/commerce/checkout-intents/{checkoutIntentId}",
                call -> {
                    String id = call.required("checkoutIntentId");
                    if (!CheckoutIntentId.isWellFormed(id)) {
                        throw ApiException.notFound();
                    }
                    // another publisher's intent answers exactly like a missing one
                    CheckoutIntentView view = queries.query(new WhatIsCheckoutIntent(CheckoutIntentId.of(id),
                                    call.caller().publisher()), ResponseTypes.optionalInstanceOf(
                                    CheckoutIntentView.class)).join().orElseThrow(ApiException::notFound);
                    return ResponseEntity.ok(view);
                });
    }

    private McpServerFeatures.AsyncToolSpecification listCheckoutIntents() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("status", oneOf("Only intents in this status", "started", "open", "session_failed", "expired",
                "failed", "paid", "refunded"));
        own.put("from", string("Created at or after this time (ISO-8601 with offset)"));
        own.put("to", string("Created before this time (ISO-8601 with offset)"));
        own.put("cursor", string("The nextCursor of the previous page"));
        own.put("limit", integer("1-100, default 20"));
        return answers.tool("list_checkout_intents", "List your publisher's checkout intents, newest first, a page "
                        + "at a time (nextCursor while more follow). Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/checkout-intents",
                call -> {
                    Integer limit = call.integer("limit");
                    CheckoutIntentPage page = queries.query(CheckoutListing.query(call.caller().publisher(),
                                    call.text("status"), call.text("from"), call.text("to"), call.text("cursor"),
                                    limit == null ? null : limit.toString()),
                            ResponseTypes.instanceOf(CheckoutIntentPage.class)).join();
                    return ResponseEntity.ok(CheckoutListing.render(page));
                });
    }

    private String base(ToolCall call) {
        return baseUrl.of(call.exchange().getRequest());
    }
}
