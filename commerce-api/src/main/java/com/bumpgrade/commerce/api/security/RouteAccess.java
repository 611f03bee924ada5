package com.bumpgrade.commerce.api.security;

import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;

/**
 * The one place that says who may call which route. A route not listed here is refused for everyone (deny by
 * default). Patterns are Spring {@code PathPattern}s, matched against the decoded, normalized path exactly as the
 * router matches it, so no spelling of a path ({@code /%61pi/...}) reaches a handler unauthenticated.
 */
public final class RouteAccess {
    /** A route and the roles that may call it; no roles means public. */
    public record Rule(HttpMethod method, String pattern, List<Role> roles) {
        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final List<Role> PUBLISHER_ROLES = List.of(Role.AGENT, Role.OWNER, Role.AUDITOR);
    private static final List<Role> AGENT_OR_OWNER = List.of(Role.AGENT, Role.OWNER);
    private static final List<Role> OWNER_OR_AUDITOR = List.of(Role.OWNER, Role.AUDITOR);
    private static final List<Role> OWNER_AUDITOR_OR_OPERATOR = List.of(Role.OWNER, Role.AUDITOR, Role.OPERATOR);
    private static final List<Role> OWNER = List.of(Role.OWNER);
    private static final List<Role> AUDITOR = List.of(Role.AUDITOR);
    private static final List<Role> OPERATOR = List.of(Role.OPERATOR);
    private static final List<Role> ANY_ROLE = List.of(Role.AGENT, Role.OWNER, Role.AUDITOR, Role.OPERATOR);
    private static final List<Role> PUBLIC = List.of();

    /** The owner console's static files (D93): they hold no data; every call the page makes needs a token. */
    public static final String CONSOLE = "/console/**";

    public static final List<Rule> RULES = List.of(
            // public: authenticated by a Stripe signature, by an unguessable reference, or not at all
            new Rule(HttpMethod.POST, "/api/commerce/stripe/webhook", PUBLIC),
            new Rule(HttpMethod.GET, "/checkout/{checkoutIntentId}", PUBLIC),
            new Rule(HttpMethod.GET, "/checkout/{checkoutIntentId}/return", PUBLIC),
            new Rule(HttpMethod.GET, "/portal/{portalRef}", PUBLIC),
            new Rule(HttpMethod.POST, "/referrals/{publisherId}/{code}/clicks", PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/health", PUBLIC),
            // public: the contract, generated from these routes (D50); it names routes and roles, never a record
            new Rule(HttpMethod.GET, "/v3/api-docs", PUBLIC),
            new Rule(HttpMethod.GET, "/v3/api-docs.yaml", PUBLIC),
            new Rule(HttpMethod.GET, "/v3/api-docs/swagger-config", PUBLIC),
            new Rule(HttpMethod.GET, "/swagger-ui.html", PUBLIC),
            new Rule(HttpMethod.GET, "/swagger-ui/**", PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/health/liveness", PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/health/readiness", PUBLIC),
            new Rule(HttpMethod.GET, CONSOLE, PUBLIC),

            // the MCP server (D80): every role may connect; each tool then applies its route's rule (D81)
            new Rule(HttpMethod.POST, "/mcp", ANY_ROLE),
            new Rule(HttpMethod.GET, "/mcp", ANY_ROLE),
            new Rule(HttpMethod.DELETE, "/mcp", ANY_ROLE),

            new Rule(HttpMethod.POST, "/api/commerce/checkout", AGENT_OR_OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/plans/{planId}/checkout", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/checkout-intents/{checkoutIntentId}/expire", AGENT_OR_OWNER),
            new Rule(HttpMethod.GET, "/api/commerce/checkout-intents", PUBLISHER_ROLES),
            new Rule(HttpMethod.GET, "/api/commerce/checkout-intents/{checkoutIntentId}", PUBLISHER_ROLES),
            // post-purchase paths (issue 9, D88): read as the intent is; agents and owners record the decisions
            new Rule(HttpMethod.GET, "/api/commerce/checkout-intents/{checkoutIntentId}/post-purchase-offer",
                    PUBLISHER_ROLES),
            new Rule(HttpMethod.POST, "/api/commerce/checkout-intents/{checkoutIntentId}/post-purchase-decisions",
                    AGENT_OR_OWNER),

            new Rule(HttpMethod.GET, "/api/commerce/entitlements", PUBLISHER_ROLES),
            new Rule(HttpMethod.GET, "/api/commerce/entitlements/{entitlementId}", PUBLISHER_ROLES),
            new Rule(HttpMethod.POST, "/api/commerce/entitlements/{entitlementId}/portal-sessions", AGENT_OR_OWNER),
            // revocation intents: owners decide, auditors read, agents have no part (issue 9)
            new Rule(HttpMethod.POST, "/api/commerce/entitlements/{entitlementId}/revocation-intents", OWNER),
            new Rule(HttpMethod.GET, "/api/commerce/revocation-intents", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/revocation-intents/{revocationIntentId}", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.POST, "/api/commerce/revocation-intents/{revocationIntentId}/{action}", OWNER),

            // the catalogue (D75): owners edit and publish, every role of the publisher discovers what is for sale
            new Rule(HttpMethod.POST, "/api/commerce/catalog/products", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers/{offerId}/publish", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers/{offerId}/archive", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers/{offerId}/stripe-sync", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers/{offerId}/post-purchase-path", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/catalog/offers/{offerId}/order-bumps", OWNER),
            new Rule(HttpMethod.GET, "/api/commerce/catalog/offers", PUBLISHER_ROLES),
            new Rule(HttpMethod.GET, "/api/commerce/catalog/offers/{offerId}", PUBLISHER_ROLES),

            // private product assets (D82): owners upload and archive, auditors read; no route serves the bytes
            new Rule(HttpMethod.POST, "/api/commerce/products/{productId}/assets", OWNER),
            new Rule(HttpMethod.GET, "/api/commerce/products/{productId}/assets", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/products/{productId}/assets/{assetId}", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.POST, "/api/commerce/products/{productId}/assets/{assetId}/archive", OWNER),
            // protected content readiness (D85): structure metadata; there is no buyer-facing delivery route
            new Rule(HttpMethod.GET, "/api/commerce/products/{productId}/content-readiness", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.PUT, "/api/commerce/products/{productId}/content-readiness", OWNER),
            new Rule(HttpMethod.POST, "/api/commerce/products/{productId}/content-readiness/mark-ready", OWNER),

            new Rule(HttpMethod.GET, "/api/commerce/audit-entries", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/audit-entries/verification", OWNER_OR_AUDITOR),
            // a replay reads the whole store: the auditor's one write
            new Rule(HttpMethod.POST, "/api/commerce/audit/replays", AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/audit/replays/{replayId}", OWNER_OR_AUDITOR),
            // a record's history: for those who review and audit, not for agents (D65)
            new Rule(HttpMethod.GET, "/api/commerce/checkout-intents/{checkoutIntentId}/history", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/entitlements/{entitlementId}/history", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/commission-entries/{entryId}/history", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/revocation-intents/{revocationIntentId}/history",
                    OWNER_OR_AUDITOR),

            new Rule(HttpMethod.GET, "/api/commerce/partners", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.POST, "/api/commerce/partners", OWNER),
            new Rule(HttpMethod.GET, "/api/commerce/commission-entries", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.GET, "/api/commerce/commission-entries/{entryId}", OWNER_OR_AUDITOR),
            new Rule(HttpMethod.POST, "/api/commerce/commission-entries/{entryId}/{action}", OWNER),

            // the operator sees only the evidence and dead letters that no publisher owns
            new Rule(HttpMethod.GET, "/api/commerce/stripe/webhook-events", OWNER_AUDITOR_OR_OPERATOR),
            new Rule(HttpMethod.GET, "/api/commerce/stripe/dead-letters", OWNER_AUDITOR_OR_OPERATOR),
            new Rule(HttpMethod.POST, "/api/commerce/stripe/webhook-events/{evidenceId}/redrive", OWNER),

            new Rule(HttpMethod.GET, "/api/commerce/operator/dead-letters", OPERATOR),
            // metrics name routes, groups and volumes: for the platform operator's scraper only (decision D52)
            new Rule(HttpMethod.GET, "/actuator/prometheus", OPERATOR));

    /** The rule of a route, by its method and its pattern exactly as the router declares it. */
    public static Optional<Rule> of(HttpMethod method, String pattern) {
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.pattern().equals(pattern))
                .findFirst();
    }

    private RouteAccess() {
    }
}
