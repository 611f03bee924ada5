package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.commission.CommissionActionRequest;
import com.bumpgrade.commerce.api.commission.CommissionActions;
import com.bumpgrade.commerce.api.commission.CommissionController;
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

/** The commission ledger's tools: the owner's actions and the entry read, as the commission routes do them. */
@Component
class CommissionTools implements McpTools {
    private final ToolAnswers answers;
    private final CommissionActions actions;
    private final CommissionController routes;

    CommissionTools(ToolAnswers answers, CommissionActions actions, CommissionController routes) {
        this.answers = answers;
        this.actions = actions;
        this.routes = routes;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(actOnCommissionEntry(), getCommissionEntry(), listCommissionEntries());
    }

    private McpServerFeatures.AsyncToolSpecification actOnCommissionEntry() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("entryId", string("The commission entry, com_..."));
        own.put("action", oneOf("review, hold, release or reverse", "review", "hold", "release", "reverse"));
        own.put("reason", string("Required (1-200 characters) to hold or reverse; part of the phrase"));
        return answers.tool("act_on_commission_entry", "An owner's action on a review-only commission entry: "
                        + "review (mark reviewed), hold, release a hold, or reverse. Without 'confirmation' it "
                        + "previews the exact phrase and changes nothing; with it, at the entry's current version, "
                        + "the action is recorded and audited. No money moves: the ledger pays nothing out.",
                object(billing(own, true), billingRequired(true, "entryId", "action")),
                HttpMethod.POST, "/api/commerce/commission-entries/{entryId}/{action}",
                call -> ToolAnswers.written(actions.act(call.caller(), call.envelope(), call.required("entryId"),
                        call.required("action"), new CommissionActionRequest(call.text("confirmation"),
                                call.text("reason")))));
    }

    private McpServerFeatures.AsyncToolSpecification getCommissionEntry() {
        return answers.tool("get_commission_entry", "Read one commission entry of your publisher with its lines, "
                        + "status and version (the version an action on it needs). Read-only, free.",
                object(Map.of("entryId", string("The commission entry, com_...")), "entryId"),
                HttpMethod.GET, "/api/commerce/commission-entries/{entryId}",
                call -> ResponseEntity.ok(actions.entry(call.caller(), call.required("entryId"))));
    }

    private McpServerFeatures.AsyncToolSpecification listCommissionEntries() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("partnerId", string("Only this partner's entries"));
        own.put("status", oneOf("Only entries in this status", "pending_review", "reviewed", "on_hold", "reversed"));
        own.put("limit", integer("Clamped to 1-500, default 100"));
        return answers.tool("list_commission_entries", "List your publisher's commission entries, oldest first, "
                        + "with totals per currency. Read-only, free; the ledger pays nothing out.",
                object(own), HttpMethod.GET, "/api/commerce/commission-entries",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(routes.list(call.text("partnerId"), call.text("status"),
                            limit == null ? 100 : limit, call.exchange()).block());
                });
    }
}
