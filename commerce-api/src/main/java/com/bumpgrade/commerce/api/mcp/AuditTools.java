package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.audit.AuditController;
import com.bumpgrade.commerce.api.history.HistoryController;
import com.bumpgrade.commerce.api.replay.AuditReplays;
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
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/** The audit tools: the redacted trail, its verification, replays and each record's history. */
@Component
class AuditTools implements McpTools {
    private static final String AT = "Show the record as it was at this instant (ISO-8601); default now";

    private final ToolAnswers answers;
    private final AuditController audit;
    private final AuditReplays replays;
    private final HistoryController history;

    AuditTools(ToolAnswers answers, AuditController audit, AuditReplays replays, HistoryController history) {
        this.answers = answers;
        this.audit = audit;
        this.replays = replays;
        this.history = history;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(listAuditEntries(), verifyAuditTrail(), startAuditReplay(), getAuditReplay(),
                history("get_checkout_intent_history", "checkoutIntentId", "chk_...", "checkout-intents",
                        (call, id, at) -> history.checkoutIntent(id, at, call.exchange()).block()),
                history("get_entitlement_history", "entitlementId", "ent_...", "entitlements",
                        (call, id, at) -> history.entitlement(id, at, call.exchange()).block()),
                history("get_commission_entry_history", "entryId", "com_...", "commission-entries",
                        (call, id, at) -> history.commissionEntry(id, at, call.exchange()).block()),
                history("get_revocation_intent_history", "revocationIntentId", "rvk_...", "revocation-intents",
                        (call, id, at) -> history.revocationIntent(id, at, call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification listAuditEntries() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("correlationId", string("Only entries of this correlation id"));
        own.put("subjectId", string("Only entries about this record"));
        own.put("action", string("Only this action, such as checkout.start"));
        own.put("from", string("ISO-8601 instant, inclusive"));
        own.put("to", string("ISO-8601 instant, exclusive"));
        own.put("cursor", string("The nextCursor of the previous page"));
        own.put("limit", integer("Clamped to 1-500, default 100"));
        return answers.tool("list_audit_entries", "Read your publisher's redacted, hash-chained audit trail, a "
                        + "page at a time. Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/audit-entries",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(audit.entries(call.text("correlationId"), call.text("subjectId"),
                            call.text("action"), call.text("from"), call.text("to"), call.text("cursor"),
                            limit == null ? 100 : limit, call.exchange()).block());
                });
    }

    private McpServerFeatures.AsyncToolSpecification verifyAuditTrail() {
        return answers.tool("verify_audit_trail", "Recompute your publisher's audit hash chain and check that "
                        + "every audited event has its entry. Read-only, free; reads the whole trail.",
                object(Map.of()), HttpMethod.GET, "/api/commerce/audit-entries/verification",
                call -> ResponseEntity.ok(audit.verify(call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification startAuditReplay() {
        return answers.tool("start_audit_replay", "Replay the whole event history into fresh read models and "
                        + "compare them with the live ones. Previews without 'confirmation'; with the exact phrase "
                        + "the replay starts and answers its id. Changes no live data and charges nothing, but reads "
                        + "the whole event store: it takes a while on a large store.",
                object(billing(Map.of(), false), billingRequired(false)),
                HttpMethod.POST, "/api/commerce/audit/replays",
                call -> ToolAnswers.written(replays.start(call.caller(), call.envelope(),
                        new AuditReplays.StartReplayRequest(call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification getAuditReplay() {
        return answers.tool("get_audit_replay", "A replay's progress and, once finished, its verdict per table. "
                        + "Read-only, free.",
                object(Map.of("replayId", string("The replay id that start_audit_replay answered")), "replayId"),
                HttpMethod.GET, "/api/commerce/audit/replays/{replayId}",
                call -> ResponseEntity.ok(replays.find(call.caller(), call.required("replayId"))));
    }

    /** A record's history: its events and the state they add up to, as its history route answers. */
    private interface HistoryRead {
        Object read(ToolCall call, String id, String at);
    }

    private McpServerFeatures.AsyncToolSpecification history(String name, String idName, String idExample,
                                                             String segment, HistoryRead read) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(idName, string("The record, " + idExample));
        own.put("at", string(AT));
        return answers.tool(name, "A record's events, redacted, and the state they add up to (optionally as it "
                        + "was at an instant). Read-only, free.",
                object(own, idName), HttpMethod.GET, "/api/commerce/" + segment + "/{" + idName + "}/history",
                call -> ResponseEntity.ok(read.read(call, call.required(idName), call.text("at"))));
    }
}
