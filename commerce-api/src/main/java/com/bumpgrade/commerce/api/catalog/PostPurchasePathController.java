package com.bumpgrade.commerce.api.catalog;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The owner's write of a main offer's post-purchase path (D87); the offer views show it. */
@Tag(name = "catalog")
@RestController
@RequestMapping(path = "/api/commerce/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
public class PostPurchasePathController {
    private final PostPurchasePaths paths;

    public PostPurchasePathController(PostPurchasePaths paths) {
        this.paths = paths;
    }

    @Operation(operationId = "setCatalogOfferPostPurchasePath", summary = "Set a main offer's post-purchase path: "
            + "an upsell, and a downsell shown if the upsell is declined (neither: no path); a preview, then (with "
            + "the exact phrase, at the offer's version) the path is set. Charges nothing")
    @ApiResponse(responseCode = "200", description = "The path is set",
            content = @Content(schema = @Schema(implementation = PostPurchasePaths.PathSet.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = PostPurchasePaths.PreviewFields.class)
    @ErrorCodes(status = 400, value = "invalid_field")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "offer_archived")
    @ErrorCodes(status = 422, value = {"confirmation_required", "unknown_path_offer", "not_a_main_offer",
            "not_an_upsell", "not_a_downsell", "path_offer_not_published", "path_currency_mismatch",
            "downsell_needs_upsell"})
    @PostMapping(path = "/offers/{offerId}/post-purchase-path", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> set(@Parameter(example = "launch-pass") @PathVariable String offerId,
                                       @RequestBody PostPurchasePaths.Request request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        paths.set(caller, exchange.getRequest().getHeaders(), offerId, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
