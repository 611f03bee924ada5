package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ErrorCodes;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Audit replays: an auditor rebuilds every read model from the event store into shadow tables and compares. */
@Tag(name = "audit", description = "The redacted, hash-chained audit trail")
@RestController
@RequestMapping(path = "/api/commerce/audit/replays", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReplayController {
    private static final String REPLAY = "rpl_8f14e45fceea167a5a36dedd4bea2543";
    private final AuditReplays replays;

    public ReplayController(AuditReplays replays) {
        this.replays = replays;
    }

    @Operation(operationId = "startAuditReplay", summary = "Replay the event store into fresh shadow tables and "
            + "compare them with the live read models and audit trail: a preview, then (with the exact phrase) the "
            + "replay, which runs in the background",
            description = "Costs one full read of the event store. Only one replay runs at a time. The verdict "
                    + "covers the caller's publisher's rows.")
    @ApiResponse(responseCode = "202", description = "Started; follow it at GET /api/commerce/audit/replays/{replayId}",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @BillingWriteRoute(targetsExistingRecord = false)
    @ErrorCodes(status = 409, value = "replay_running")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> start(@RequestBody AuditReplays.StartReplayRequest request,
                                         ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        replays.start(caller, exchange.getRequest().getHeaders(), request)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "getAuditReplay", summary = "A replay's progress (events done and total, rate, time "
            + "left, phase) and, once finished, its verdict per table")
    @ApiResponse(responseCode = "200", description = "The replay",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/{replayId}")
    public Mono<ReplayView> find(@Parameter(example = REPLAY) @PathVariable String replayId,
                                 ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> replays.find(caller, replayId)).subscribeOn(Schedulers.boundedElastic());
    }
}
