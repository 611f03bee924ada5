package com.bumpgrade.commerce.api.checkout;

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

/** The post-purchase path of a paid checkout: the next offer to show, and the buyer's decisions as evidence. */
@Tag(name = "checkout")
@RestController
@RequestMapping(path = "/api/commerce/checkout-intents/{checkoutIntentId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PostPurchaseController {
    private final PostPurchaseOffers offers;

    public PostPurchaseController(PostPurchaseOffers offers) {
        this.offers = offers;
    }

    @Operation(operationId = "getPostPurchaseOffer", summary = "The post-purchase offer to show now after a paid "
            + "checkout (upsell, or downsell once the upsell is declined), or none (next: null, with a reason)")
    @ApiResponse(responseCode = "200", description = "The next offer, or none",
            content = @Content(schema = @Schema(implementation = PostPurchaseOffers.Next.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/post-purchase-offer")
    public Mono<ResponseEntity<?>> next(@Parameter(example = CheckoutController.CHECKOUT_INTENT) @PathVariable
                                        String checkoutIntentId, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return CheckoutController.blocking(() -> ResponseEntity.ok(offers.next(caller, checkoutIntentId)));
    }

    @Operation(operationId = "recordPostPurchaseDecision", summary = "Record what the buyer did with a "
            + "post-purchase offer: shown, then accepted or declined, in the path's order, at the intent's version. "
            + "An acceptance is previewed, then confirmed with the phrase naming the offer and its price. Evidence "
            + "only: charges and grants nothing")
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PostPurchaseOffers.Recorded.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = PostPurchaseOffers.PreviewFields.class)
    @ErrorCodes(status = 400, value = {"invalid_field", "invalid_decision"})
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"checkout_not_paid", "post_purchase_out_of_order", "post_purchase_step_decided",
            "post_purchase_not_shown"})
    @ErrorCodes(status = 422, value = {"offer_not_on_path", "confirmation_required"})
    @PostMapping(path = "/post-purchase-decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> decide(@Parameter(example = CheckoutController.CHECKOUT_INTENT) @PathVariable
                                          String checkoutIntentId,
                                          @RequestBody PostPurchaseOffers.DecisionRequest request,
                                          ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return CheckoutController.blocking(() -> WriteResponses.render(
                offers.decide(caller, exchange.getRequest().getHeaders(), checkoutIntentId, request)));
    }
}
