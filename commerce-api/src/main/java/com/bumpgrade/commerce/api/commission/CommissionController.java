package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.commission.CommissionStatus;
import com.bumpgrade.commerce.domain.commission.WhichCommissionEntries;
import com.bumpgrade.commerce.projections.commission.CommissionEntries;
import com.bumpgrade.commerce.projections.commission.CommissionEntryView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;

/**
 * The review-only commission ledger: queries for owners and auditors, and the owner's actions
 * ({@link CommissionActions}). Agents cannot act here.
 */
@Tag(name = "commissions", description = "Referral partners and the review-only commission ledger")
@RestController
@RequestMapping(path = "/api/commerce/commission-entries", produces = MediaType.APPLICATION_JSON_VALUE)
public class CommissionController {
    private static final String ENTRY = "com_0cc175b9c0f1b6a831c399e269772661";
    private final QueryGateway queries;
    private final CommissionActions actions;

    public CommissionController(QueryGateway queries, CommissionActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @Operation(operationId = "listCommissionEntries", summary = "The publisher's commission entries, oldest first, "
            + "with totals per currency")
    @ErrorCodes(status = 400, value = "invalid_status")
    @GetMapping
    public Mono<CommissionEntries> list(@RequestParam(required = false) String partnerId,
                                        @Parameter(schema = @Schema(allowableValues = {"pending_review", "reviewed",
                                                "on_hold", "reversed"})) @RequestParam(required = false) String status,
                                        @Parameter(description = "Clamped to 1-500")
                                        @RequestParam(defaultValue = "100") int limit, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (status != null && Arrays.stream(CommissionStatus.values()).noneMatch(s -> s.publicName().equals(status))) {
            return Mono.error(ApiException.badRequest("invalid_status",
                    "status must be pending_review, reviewed, on_hold or reversed."));
        }
        return Mono.fromCallable(() -> queries.query(new WhichCommissionEntries(caller.publisher(), partnerId, status,
                        limit), ResponseTypes.instanceOf(CommissionEntries.class)).join())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "getCommissionEntry", summary = "One commission entry with its lines")
    @ApiResponse(responseCode = "200", description = "The entry",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of an action on it",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = CommissionEntryView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/{entryId}")
    public Mono<ResponseEntity<CommissionEntryView>> find(@Parameter(example = ENTRY) @PathVariable String entryId,
                                                          ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> {
            CommissionEntryView entry = actions.entry(caller, entryId);
            return ResponseEntity.ok().eTag("\"" + entry.version() + "\"").body(entry);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "actOnCommissionEntry", summary = "An owner's action on an entry (review, hold, release, "
            + "reverse): a preview, then (with the exact phrase, at the current version) the action")
    @ApiResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(implementation = CommissionSchemas.Accepted.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CommissionSchemas.PreviewFields.class)
    @ErrorCodes(status = 400, value = "reason_required")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"on_hold", "not_on_hold", "dispute_open", "already_reversed"})
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/{entryId}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> act(@Parameter(example = ENTRY) @PathVariable String entryId,
                                       @Parameter(example = "review", schema = @Schema(allowableValues = {
                                               "review", "hold", "release", "reverse"})) @PathVariable String action,
                                       @RequestBody CommissionActionRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        actions.act(caller, exchange.getRequest().getHeaders(), entryId, action, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
