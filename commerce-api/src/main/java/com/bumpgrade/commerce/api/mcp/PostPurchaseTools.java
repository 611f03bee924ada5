package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.catalog.PostPurchasePaths;
import com.bumpgrade.commerce.api.checkout.PostPurchaseOffers;
import io.modelcontextprotocol.server.McpServerFeatures;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billing;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billingRequired;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.object;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.oneOf;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/** The post-purchase tools (D87, D88): the owner's path of a main offer, the next offer, the buyer's decisions. */
@Component
class PostPurchaseTools implements McpTools {
    private final ToolAnswers answers;
    private final PostPurchasePaths paths;
    private final PostPurchaseOffers offers;

    PostPurchaseTools(ToolAnswers answers, PostPurchasePaths paths, PostPurchaseOffers offers) {
        this.answers = answers;
        this.paths = paths;
        this.offers = offers;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(setPath(), nextOffer(), recordDecision());
    }

    private McpServerFeatures.AsyncToolSpecification setPath() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("offerId", string("The main offer whose path this is"));
        own.put("upsellOfferId", string("A published upsell offer of yours, shown after the purchase"));
        own.put("downsellOfferId", string("A published downsell offer, shown when the upsell is declined"));
        return answers.tool("set_post_purchase_path", "Set a main offer's post-purchase path: an upsell, and a "
                        + "downsell shown if it is declined (neither: no path). Previews without 'confirmation'; with "
                        + "the exact phrase, at the offer's version, it is set and audited. Charges nothing.",
                object(billing(own, true), billingRequired(true, "offerId")), HttpMethod.POST,
                "/api/commerce/catalog/offers/{offerId}/post-purchase-path",
                call -> ToolAnswers.written(paths.set(call.caller(), call.envelope(), call.required("offerId"),
                        new PostPurchasePaths.Request(call.text("upsellOfferId"), call.text("downsellOfferId"),
                                call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification nextOffer() {
        return answers.tool("get_post_purchase_offer", "The post-purchase offer to show the buyer now after a paid "
                        + "checkout (upsell, or downsell once the upsell is declined), or next: null with a reason; "
                        + "with the intent's version. Read-only, free.",
                object(Map.of("checkoutIntentId", string("The checkout intent, chk_...")), "checkoutIntentId"),
                HttpMethod.GET, "/api/commerce/checkout-intents/{checkoutIntentId}/post-purchase-offer",
                call -> ResponseEntity.ok(offers.next(call.caller(), call.required("checkoutIntentId"))));
    }

    private McpServerFeatures.AsyncToolSpecification recordDecision() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("checkoutIntentId", string("The paid checkout intent, chk_..."));
        own.put("offerId", string("The offer of its path the decision is about"));
        own.put("decision", oneOf("What the buyer did: shown first, then accepted or declined", "shown",
                "accepted", "declined"));
        return answers.tool("record_post_purchase_decision", "Record, at the intent's version, that a post-purchase "
                        + "offer was shown to the buyer, or that the buyer accepted or declined it. An acceptance "
                        + "previews without 'confirmation' and needs the exact phrase naming the offer and its price. "
                        + "Evidence only: charges and grants nothing.",
                object(billing(own, true), billingRequired(true, "checkoutIntentId", "offerId", "decision")),
                HttpMethod.POST, "/api/commerce/checkout-intents/{checkoutIntentId}/post-purchase-decisions",
                call -> ToolAnswers.written(offers.decide(call.caller(), call.envelope(),
                        call.required("checkoutIntentId"), new PostPurchaseOffers.DecisionRequest(
                                call.text("offerId"), call.text("decision"), call.text("confirmation")))));
    }
}
