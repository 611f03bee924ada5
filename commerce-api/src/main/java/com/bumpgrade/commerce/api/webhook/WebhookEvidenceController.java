package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** Owner and auditor routes over Stripe webhook evidence and the dead-letter queue. */
@Tag(name = "webhooks", description = "Stripe webhooks: intake, evidence, dead letters and re-drives")
@RestController
@RequestMapping(path = "/api/commerce/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookEvidenceController {
    private final WebhookEvidenceService evidence;

    public WebhookEvidenceController(WebhookEvidenceService evidence) {
        this.evidence = evidence;
    }

    @Operation(operationId = "listWebhookEvidence", summary = "Webhook evidence, newest first: the publisher's for "
            + "owners and auditors, the unattributed for the operator")
    @ApiResponse(responseCode = "200", description = "The evidence",
            content = @Content(schema = @Schema(implementation = WebhookSchemas.Events.class)))
    @ErrorCodes(status = 400, value = {"invalid_status", "invalid_type"})
    @GetMapping("/webhook-events")
    public Mono<Map<String, List<WebhookEvidenceView>>> list(@RequestParam(required = false) String status,
                                                             @RequestParam(required = false) String type,
                                                             @Parameter(description = "Clamped to 1-500")
                                                             @RequestParam(defaultValue = "100") int limit,
                                                             ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> Map.of("events", evidence.list(caller, status, type, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "listWebhookDeadLetters", summary = "Webhook events whose translation failed")
    @ApiResponse(responseCode = "200", description = "The letters",
            content = @Content(schema = @Schema(implementation = WebhookSchemas.DeadLetters.class)))
    @GetMapping("/dead-letters")
    public Mono<Map<String, List<WebhookEvidenceView>>> deadLetters(@Parameter(description = "Clamped to 1-500, per "
            + "group") @RequestParam(defaultValue = "100") int limit,
                                                                    ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> Map.of("deadLetters", evidence.deadLetters(caller, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "redriveWebhookEvent", summary = "Process a failed or dead-lettered event again: a "
            + "preview, then (with the exact phrase, at the current version) the re-drive")
    @ApiResponse(responseCode = "200", description = "Re-driven",
            content = @Content(schema = @Schema(implementation = WebhookSchemas.Redriven.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = WebhookSchemas.RedrivePreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"not_dead_lettered", "already_concluded"})
    @PostMapping(path = "/webhook-events/{evidenceId}/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> redrive(@Parameter(example = "whk_c4acc772cf572e6f36e519d62f5c7216")
                                           @PathVariable String evidenceId, @RequestBody RedriveRequest request,
                                           ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        evidence.redrive(caller, exchange.getRequest().getHeaders(), evidenceId, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
