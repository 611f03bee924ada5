package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.revocation.RecordRevocationRequest;
import com.bumpgrade.commerce.api.revocation.RevocationActionRequest;
import com.bumpgrade.commerce.api.revocation.RevocationActions;
import com.bumpgrade.commerce.api.revocation.RevocationController;
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

/** The revocation-intent tools: owners decide, auditors read; an intent removes no access (non-destructive). */
@Component
class RevocationTools implements McpTools {
    private final ToolAnswers answers;
    private final RevocationActions actions;
    private final RevocationController routes;

    RevocationTools(ToolAnswers answers, RevocationActions actions, RevocationController routes) {
        this.answers = answers;
        this.actions = actions;
        this.routes = routes;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(recordRevocationIntent(), actOnRevocationIntent(), getRevocationIntent(),
                listRevocationIntents());
    }

    private McpServerFeatures.AsyncToolSpecification recordRevocationIntent() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("entitlementId", string("The entitlement, ent_..."));
        own.put("reason", string("Why access should be removed (1-200 characters); part of the phrase"));
        return answers.tool("record_revocation_intent", "Record an owner's intent to remove a buyer's access. "
                        + "Previews without 'confirmation'; with the exact phrase, at the entitlement's version, the "
                        + "intent is recorded and audited. Access does not change and nothing is refunded.",
                object(billing(own, true), billingRequired(true, "entitlementId", "reason")),
                HttpMethod.POST, "/api/commerce/entitlements/{entitlementId}/revocation-intents",
                call -> ToolAnswers.written(actions.record(call.caller(), call.envelope(),
                        call.required("entitlementId"), new RecordRevocationRequest(call.text("reason"),
                                call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification actOnRevocationIntent() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("revocationIntentId", string("The revocation intent, rvk_..."));
        own.put("action", oneOf("confirm a proposed intent, dismiss a proposed one, cancel a recorded one",
                "confirm", "dismiss", "cancel"));
        return answers.tool("act_on_revocation_intent", "An owner's decision on a revocation intent. Previews "
                        + "without 'confirmation'; with the exact phrase, at the intent's version, the decision is "
                        + "recorded and audited. Access does not change and nothing is refunded.",
                object(billing(own, true), billingRequired(true, "revocationIntentId", "action")),
                HttpMethod.POST, "/api/commerce/revocation-intents/{revocationIntentId}/{action}",
                call -> ToolAnswers.written(actions.act(call.caller(), call.envelope(),
                        call.required("revocationIntentId"), call.required("action"),
                        new RevocationActionRequest(call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification getRevocationIntent() {
        return answers.tool("get_revocation_intent", "Read one revocation intent of your publisher with its "
                        + "status and version. Read-only, free.",
                object(Map.of("revocationIntentId", string("The revocation intent, rvk_...")), "revocationIntentId"),
                HttpMethod.GET, "/api/commerce/revocation-intents/{revocationIntentId}",
                call -> ResponseEntity.ok(actions.intent(call.caller(), call.required("revocationIntentId"))));
    }

    private McpServerFeatures.AsyncToolSpecification listRevocationIntents() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("entitlementId", string("Only intents on this entitlement, ent_..."));
        own.put("status", oneOf("Only intents in this status", "proposed", "recorded", "dismissed", "cancelled"));
        own.put("limit", integer("Clamped to 1-500, default 100"));
        return answers.tool("list_revocation_intents", "List your publisher's revocation intents. Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/revocation-intents",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(routes.list(call.text("entitlementId"), call.text("status"),
                            limit == null ? 100 : limit, call.exchange()).block());
                });
    }
}
