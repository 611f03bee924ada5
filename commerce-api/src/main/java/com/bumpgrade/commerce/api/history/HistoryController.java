package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A record's history and its state at a past moment, rebuilt from the event store. One route per record kind, each
 * a line: the kind (a {@link HistoryKind} bean named by its segment) does the telling.
 */
@Tag(name = "history", description = "A record's redacted events and its state at any past moment, from the event "
        + "store")
@RestController
@RequestMapping(path = "/api/commerce", produces = MediaType.APPLICATION_JSON_VALUE)
public class HistoryController {
    private static final String AT = "An ISO-8601 instant: the state as of that moment, and the events up to it";
    private static final String AT_EXAMPLE = "2026-12-03T06:00:00Z";

    private final Map<String, HistoryKind> kinds;
    private final HistoryReader reader;

    HistoryController(List<HistoryKind> kinds, HistoryReader reader) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(HistoryKind::segment, Function.identity()));
        this.reader = reader;
    }

    @Operation(operationId = "getCheckoutIntentHistory", summary = "A checkout intent's events and its state then")
    @ApiResponse(responseCode = "200", description = "The events, and the state they add up to",
            content = @Content(schema = @Schema(implementation = RecordHistory.class)))
    @ErrorCodes(status = 400, value = "invalid_at")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/checkout-intents/{checkoutIntentId}/history")
    public Mono<RecordHistory> checkoutIntent(
            @Parameter(example = "chk_23a0274e29a7362db0a965f97c7f9d6f") @PathVariable String checkoutIntentId,
            @Parameter(description = AT, example = AT_EXAMPLE) @RequestParam(required = false) String at,
            ServerWebExchange exchange) {
        return history(CheckoutIntentHistory.SEGMENT, checkoutIntentId, at, exchange);
    }

    @Operation(operationId = "getEntitlementHistory", summary = "An entitlement's events and its state then")
    @ApiResponse(responseCode = "200", description = "The events, and the state they add up to",
            content = @Content(schema = @Schema(implementation = RecordHistory.class)))
    @ErrorCodes(status = 400, value = "invalid_at")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/entitlements/{entitlementId}/history")
    public Mono<RecordHistory> entitlement(
            @Parameter(example = "ent_5d41402abc4b2a76b9719d911017c592") @PathVariable String entitlementId,
            @Parameter(description = AT, example = AT_EXAMPLE) @RequestParam(required = false) String at,
            ServerWebExchange exchange) {
        return history(EntitlementHistory.SEGMENT, entitlementId, at, exchange);
    }

    @Operation(operationId = "getCommissionEntryHistory", summary = "A commission entry's events and its state then")
    @ApiResponse(responseCode = "200", description = "The events, and the state they add up to",
            content = @Content(schema = @Schema(implementation = RecordHistory.class)))
    @ErrorCodes(status = 400, value = "invalid_at")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/commission-entries/{entryId}/history")
    public Mono<RecordHistory> commissionEntry(
            @Parameter(example = "com_0cc175b9c0f1b6a831c399e269772661") @PathVariable String entryId,
            @Parameter(description = AT, example = AT_EXAMPLE) @RequestParam(required = false) String at,
            ServerWebExchange exchange) {
        return history(CommissionEntryHistory.SEGMENT, entryId, at, exchange);
    }

    @Operation(operationId = "getRevocationIntentHistory", summary = "A revocation intent's events and its state then")
    @ApiResponse(responseCode = "200", description = "The events, and the state they add up to",
            content = @Content(schema = @Schema(implementation = RecordHistory.class)))
    @ErrorCodes(status = 400, value = "invalid_at")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/revocation-intents/{revocationIntentId}/history")
    public Mono<RecordHistory> revocationIntent(
            @Parameter(example = "rvk_9bf31c7ff062936a96d3c8bd1f8f2ff3") @PathVariable String revocationIntentId,
            @Parameter(description = AT, example = AT_EXAMPLE) @RequestParam(required = false) String at,
            ServerWebExchange exchange) {
        return history(RevocationIntentHistory.SEGMENT, revocationIntentId, at, exchange);
    }

    private Mono<RecordHistory> history(String segment, String id, String at, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        Instant instant;
        try {
            instant = at == null ? null : Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            return Mono.error(ApiException.badRequest("invalid_at",
                    "at must be an ISO-8601 instant, such as " + AT_EXAMPLE + "."));
        }
        HistoryKind kind = kinds.get(segment);
        return Mono.fromCallable(() -> reader.read(kind, id, caller.publisher(), instant)
                        .orElseThrow(ApiException::notFound))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
