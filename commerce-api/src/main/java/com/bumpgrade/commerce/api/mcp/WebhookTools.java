package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.operator.OperatorDeadLetterController;
import com.bumpgrade.commerce.api.webhook.RedriveRequest;
import com.bumpgrade.commerce.api.webhook.WebhookEvidenceController;
import com.bumpgrade.commerce.api.webhook.WebhookEvidenceService;
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

/** The webhook evidence and dead-letter tools, for owners, auditors and the platform operator. */
@Component
class WebhookTools implements McpTools {
    private final ToolAnswers answers;
    private final WebhookEvidenceController evidence;
    private final WebhookEvidenceService service;
    private final OperatorDeadLetterController operator;

    WebhookTools(ToolAnswers answers, WebhookEvidenceController evidence, WebhookEvidenceService service,
                 OperatorDeadLetterController operator) {
        this.answers = answers;
        this.evidence = evidence;
        this.service = service;
        this.operator = operator;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(listWebhookEvents(), listWebhookDeadLetters(), redriveWebhookEvent(),
                listOperatorDeadLetters());
    }

    private McpServerFeatures.AsyncToolSpecification listWebhookEvents() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("status", string("Only evidence in this status"));
        own.put("type", string("Only this Stripe event type, such as checkout.session.completed"));
        own.put("limit", integer("Clamped to 1-500, default 100"));
        return answers.tool("list_webhook_events", "The evidence of received Stripe webhook events, redacted. "
                        + "Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/stripe/webhook-events",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(evidence.list(call.text("status"), call.text("type"),
                            limit == null ? 100 : limit, call.exchange()).block());
                });
    }

    private McpServerFeatures.AsyncToolSpecification listWebhookDeadLetters() {
        return answers.tool("list_webhook_dead_letters", "Webhook events whose translation failed. Read-only, free.",
                object(Map.of("limit", integer("Clamped to 1-500 per group, default 100"))),
                HttpMethod.GET, "/api/commerce/stripe/dead-letters",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(evidence.deadLetters(limit == null ? 100 : limit, call.exchange())
                            .block());
                });
    }

    private McpServerFeatures.AsyncToolSpecification redriveWebhookEvent() {
        Map<String, Object> own = Map.of("evidenceId", string("The webhook evidence, whk_..."));
        return answers.tool("redrive_webhook_event", "Process a failed or dead-lettered Stripe event again. "
                        + "Previews without 'confirmation'; with the exact phrase, at the evidence's version, the "
                        + "event is translated again (which may record a payment, refund or access change it "
                        + "carries). Calls no Stripe write and charges nothing itself.",
                object(billing(own, true), billingRequired(true, "evidenceId")),
                HttpMethod.POST, "/api/commerce/stripe/webhook-events/{evidenceId}/redrive",
                call -> ToolAnswers.written(service.redrive(call.caller(), call.envelope(),
                        call.required("evidenceId"), new RedriveRequest(call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification listOperatorDeadLetters() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("processingGroup", string("One group: reactions, read-models or audit-trail"));
        own.put("limit", integer("Clamped to 1-500, default 100"));
        return answers.tool("list_operator_dead_letters", "The platform operator's view of every processing "
                        + "group's dead letters. Read-only, free.",
                object(own), HttpMethod.GET, "/api/commerce/operator/dead-letters",
                call -> {
                    Integer limit = call.integer("limit");
                    return ResponseEntity.ok(operator.deadLetters(call.text("processingGroup"),
                            limit == null ? 100 : limit).block());
                });
    }
}
