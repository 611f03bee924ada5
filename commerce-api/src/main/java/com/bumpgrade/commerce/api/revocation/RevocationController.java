package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.revocation.RevocationStatus;
import com.bumpgrade.commerce.domain.revocation.WhichRevocationIntents;
import com.bumpgrade.commerce.projections.revocation.RevocationIntentView;
import com.bumpgrade.commerce.projections.revocation.RevocationIntents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;

/**
 * Revocation intents: owner-visible, owner-confirmed, non-destructive records of an intent to remove one
 * entitlement's access ({@link RevocationActions}). Owners and auditors read them; only owners write.
 */
@Tag(name = "revocation-intents", description = "Owner-confirmed, non-destructive intents to remove access")
@RestController
public class RevocationController {
    private static final String ENTITLEMENT = "ent_5d41402abc4b2a76b9719d911017c592";
    private static final String INTENT = "rvk_0cc175b9c0f1b6a831c399e269772661";

    private final QueryGateway queries;
    private final RevocationActions actions;

    public RevocationController(QueryGateway queries, RevocationActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @Operation(operationId = "recordRevocationIntent", summary = "Record an intent to remove an entitlement's "
            + "access: a preview, then (with the exact phrase, at the entitlement's version) the recorded intent. "
            + "Access does not change")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = RevocationSchemas.Answer.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = RevocationSchemas.RecordPreviewFields.class)
    @ErrorCodes(status = 400, value = "reason_required")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "revocation_intent_open")
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/api/commerce/entitlements/{entitlementId}/revocation-intents",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> record(@Parameter(example = ENTITLEMENT) @PathVariable String entitlementId,
                                          @RequestBody RecordRevocationRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        actions.record(caller, exchange.getRequest().getHeaders(), entitlementId, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "listRevocationIntents", summary = "The publisher's revocation intents, oldest first")
    @ErrorCodes(status = 400, value = {"invalid_status", "invalid_entitlement_id"})
    @GetMapping(path = "/api/commerce/revocation-intents", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RevocationIntents> list(
            @Parameter(example = ENTITLEMENT) @RequestParam(required = false) String entitlementId,
            @Parameter(schema = @Schema(allowableValues = {"proposed", "recorded", "dismissed", "cancelled"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Clamped to 1-500") @RequestParam(defaultValue = "100") int limit,
            ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (status != null && Arrays.stream(RevocationStatus.values()).noneMatch(s -> s.publicName().equals(status))) {
            return Mono.error(ApiException.badRequest("invalid_status",
                    "status must be proposed, recorded, dismissed or cancelled."));
        }
        if (entitlementId != null && !EntitlementId.isWellFormed(entitlementId)) {
            return Mono.error(ApiException.badRequest("invalid_entitlement_id",
                    "entitlementId must look like ent_ followed by 32 hex digits."));
        }
        return Mono.fromCallable(() -> queries.query(new WhichRevocationIntents(caller.publisher(), entitlementId,
                        status, limit), ResponseTypes.instanceOf(RevocationIntents.class)).join())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "getRevocationIntent", summary = "One revocation intent")
    @ApiResponse(responseCode = "200", description = "The intent",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of an action on it",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = RevocationIntentView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping(path = "/api/commerce/revocation-intents/{revocationIntentId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<RevocationIntentView>> find(
            @Parameter(example = INTENT) @PathVariable String revocationIntentId, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> {
            RevocationIntentView intent = actions.intent(caller, revocationIntentId);
            return ResponseEntity.ok().eTag("\"" + intent.version() + "\"").body(intent);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "actOnRevocationIntent", summary = "An owner's decision on an intent (confirm or "
            + "dismiss a proposed one, cancel a recorded one): a preview, then (with the exact phrase, at the "
            + "intent's version) the decision. Access does not change")
    @ApiResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = RevocationSchemas.Answer.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = RevocationSchemas.ActionPreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"revocation_not_proposed", "revocation_not_recorded"})
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/api/commerce/revocation-intents/{revocationIntentId}/{action}",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> act(@Parameter(example = INTENT) @PathVariable String revocationIntentId,
                                       @Parameter(example = "confirm", schema = @Schema(allowableValues = {
                                               "confirm", "dismiss", "cancel"})) @PathVariable String action,
                                       @RequestBody RevocationActionRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        actions.act(caller, exchange.getRequest().getHeaders(), revocationIntentId, action, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
