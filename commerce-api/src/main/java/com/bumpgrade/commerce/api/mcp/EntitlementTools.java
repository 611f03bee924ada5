package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.entitlement.BillingPortalService;
import com.bumpgrade.commerce.api.entitlement.EntitlementController;
import com.bumpgrade.commerce.api.entitlement.PortalRequest;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
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
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/**
 * The entitlement tools. The reads are the routes' own handlers (their filter checks live there, once), called
 * with the MCP request's exchange, which carries the authenticated caller; the portal write is the service.
 */
@Component
class EntitlementTools implements McpTools {
    private final ToolAnswers answers;
    private final EntitlementController entitlements;
    private final BillingPortalService portals;
    private final PublicBaseUrl baseUrl;

    EntitlementTools(ToolAnswers answers, EntitlementController entitlements, BillingPortalService portals,
                     PublicBaseUrl baseUrl) {
        this.answers = answers;
        this.entitlements = entitlements;
        this.portals = portals;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(listEntitlements(), getEntitlement(), openPortalSession());
    }

    private McpServerFeatures.AsyncToolSpecification listEntitlements() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("checkoutIntentId", string("The paid checkout intent, chk_... (give this or customerId)"));
        own.put("customerId", string("The buyer's Bumpgrade customer id, bgc_... (give this or checkoutIntentId)"));
        return answers.tool("list_entitlements", "List the access your publisher granted for one paid checkout "
                        + "or to one buyer; trust only 'access'. Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/entitlements",
                call -> ResponseEntity.ok(entitlements.list(call.text("checkoutIntentId"), call.text("customerId"),
                        call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification getEntitlement() {
        return answers.tool("get_entitlement", "Read one entitlement of your publisher: access, subscription "
                        + "state and version (the version a portal session needs). Read-only, free.",
                object(Map.of("entitlementId", string("The entitlement, ent_...")), "entitlementId"),
                HttpMethod.GET, "/api/commerce/entitlements/{entitlementId}",
                call -> entitlements.find(call.required("entitlementId"), call.exchange()).block());
    }

    private McpServerFeatures.AsyncToolSpecification openPortalSession() {
        Map<String, Object> own = Map.of("entitlementId", string("A subscription entitlement, ent_..."));
        return answers.tool("open_portal_session", "Open a Stripe Customer Portal session for a subscription "
                        + "buyer, where the buyer can change plan, payment method or cancel. Previews without "
                        + "'confirmation'; with the exact phrase, at the entitlement's version, answers a portalUrl "
                        + "for the buyer. Opening it charges nothing; what the buyer changes there may.",
                object(billing(own, true), billingRequired(true, "entitlementId")),
                HttpMethod.POST, "/api/commerce/entitlements/{entitlementId}/portal-sessions",
                call -> ToolAnswers.written(portals.open(call.caller(), call.envelope(),
                        call.required("entitlementId"), new PortalRequest(call.text("confirmation")),
                        baseUrl.of(call.exchange().getRequest()))));
    }
}
