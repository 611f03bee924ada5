package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.catalog.CatalogController;
import com.bumpgrade.commerce.api.catalog.CatalogDrafts;
import com.bumpgrade.commerce.api.catalog.CatalogOrderBumps;
import com.bumpgrade.commerce.api.catalog.CatalogRequests;
import com.bumpgrade.commerce.api.catalog.CatalogService;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import io.modelcontextprotocol.server.McpServerFeatures;
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

/** The catalogue tools: owners draft, publish, archive and map offers; any role lists what is for sale. */
@Component
class CatalogTools implements McpTools {
    private static final String OFFER = "/api/commerce/catalog/offers/{offerId}";

    private final ToolAnswers answers;
    private final CatalogDrafts drafts;
    private final CatalogService catalog;
    private final CatalogOrderBumps orderBumps;
    private final CatalogController routes;

    CatalogTools(ToolAnswers answers, CatalogDrafts drafts, CatalogService catalog, CatalogOrderBumps orderBumps,
                 CatalogController routes) {
        this.answers = answers;
        this.drafts = drafts;
        this.catalog = catalog;
        this.orderBumps = orderBumps;
        this.routes = routes;
    }

    /** An owner's write on one offer, as its route runs it. */
    private interface OfferWrite {
        WriteOutcome run(ToolCall call, String offerId, CatalogRequests.Action request);
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(draftProduct(), draftOffer(),
                onOffer("publish_offer", "publish", "Publish a draft offer at its price: agents may then sell it. "
                        + "With a sandbox key it also creates the Stripe Product and Price; charges nothing.",
                        (call, id, request) -> catalog.publish(call.caller(), call.envelope(), id, request)),
                onOffer("archive_offer", "archive", "Archive an offer for good: it is no longer sold. Charges nothing.",
                        (call, id, request) -> catalog.archive(call.caller(), call.envelope(), id, request)),
                onOffer("sync_offer_to_stripe", "stripe-sync", "Create the Stripe Product and Price of a published "
                        + "offer that has none yet (a Stripe call with the sandbox key); charges nothing.",
                        (call, id, request) -> catalog.syncToStripe(call.caller(), call.envelope(), id, request)),
                setOrderBumps(), listOffers(), getOffer());
    }

    private McpServerFeatures.AsyncToolSpecification setOrderBumps() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("offerId", string("The main offer's id"));
        own.put("orderBumpOfferIds", strings("Its whole list of order-bump offers, in order: at most 5, each once; "
                + "empty removes them all"));
        return answers.tool("set_order_bumps", "Set the order bumps a main offer may be sold with: checkouts of it "
                        + "then sell only these bumps. Previews without 'confirmation'; with the exact phrase, at the "
                        + "offer's version, it is saved and audited. Free.",
                object(billing(own, true), billingRequired(true, "offerId", "orderBumpOfferIds")),
                HttpMethod.POST, OFFER + "/order-bumps",
                call -> ToolAnswers.written(orderBumps.set(call.caller(), call.envelope(), call.required("offerId"),
                        new CatalogRequests.OrderBumps(call.texts("orderBumpOfferIds"), call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification draftProduct() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("productId", string("Your id for the product: lower-case letters, digits and '-'"));
        own.put("title", string("The product's title, 1-200 characters"));
        own.put("kind", oneOf("What it is", "product", "membership", "course", "download", "service"));
        return answers.tool("draft_product", "Create a product of your catalogue, or edit its title and kind. "
                        + "Previews without 'confirmation'; with the exact phrase it is saved and audited. Free.",
                object(billing(own, false), billingRequired(false, "productId", "title", "kind")),
                HttpMethod.POST, "/api/commerce/catalog/products",
                call -> ToolAnswers.written(drafts.product(call.caller(), call.envelope(), new CatalogRequests.Product(
                        call.text("productId"), call.text("title"), call.text("kind"), call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification draftOffer() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("offerId", string("Your id for the offer: lower-case letters, digits and '-'"));
        own.put("productId", string("The product it sells"));
        own.put("title", string("The offer's title, 1-200 characters"));
        own.put("role", oneOf("How it is sold", "main", "order_bump", "upsell", "downsell"));
        own.put("amountMinor", integer("The price in minor units (cents)"));
        own.put("currency", string("Three-letter ISO currency, such as USD"));
        own.put("interval", oneOf("For a recurring price: how often it bills", "day", "week", "month", "year"));
        own.put("intervalCount", integer("For a recurring price: every how many intervals (default 1)"));
        return answers.tool("draft_offer", "Create a draft offer with its price, or edit it while it is a draft. "
                        + "Previews without 'confirmation'; with the exact phrase it is saved and audited. Not for "
                        + "sale until published. Free.",
                object(billing(own, false), billingRequired(false, "offerId", "productId", "title", "role",
                        "amountMinor", "currency")),
                HttpMethod.POST, "/api/commerce/catalog/offers",
                call -> {
                    Integer amount = call.integer("amountMinor");
                    CatalogRequests.Price price = new CatalogRequests.Price(amount == null ? null : amount.longValue(),
                            call.text("currency"), call.text("interval"), call.integer("intervalCount"));
                    return ToolAnswers.written(drafts.offer(call.caller(), call.envelope(), new CatalogRequests.Offer(
                            call.text("offerId"), call.text("productId"), call.text("title"), call.text("role"),
                            price, call.text("confirmation"))));
                });
    }

    private McpServerFeatures.AsyncToolSpecification onOffer(String name, String action, String description,
                                                             OfferWrite write) {
        return answers.tool(name, description + " Previews without 'confirmation'; with the exact phrase, at the "
                        + "offer's version, it runs once and is audited.",
                object(billing(Map.of("offerId", string("The offer's id")), true), billingRequired(true, "offerId")),
                HttpMethod.POST, OFFER + "/" + action,
                call -> ToolAnswers.written(write.run(call, call.required("offerId"),
                        new CatalogRequests.Action(call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification listOffers() {
        return answers.tool("list_offers", "List your publisher's published offers with their prices, order bumps "
                        + "and post-purchase paths: what may be sold. Read-only, free.",
                object(Map.of()), HttpMethod.GET, "/api/commerce/catalog/offers",
                call -> ResponseEntity.ok(routes.list(call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification getOffer() {
        return answers.tool("get_offer", "Read one offer of your publisher in any status, with its version. "
                        + "Read-only, free.",
                object(Map.of("offerId", string("The offer's id")), "offerId"), HttpMethod.GET, OFFER,
                call -> routes.find(call.required("offerId"), call.exchange()).block());
    }
}
