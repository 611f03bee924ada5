package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;

/**
 * The buyer-facing Bumpgrade URLs. The Stripe Checkout URL contains the session id, so it is only ever sent as
 * a 303 Location to the buyer's browser, never in JSON.
 */
@Tag(name = "buyer", description = "Pages a buyer's browser visits; no token")
@RestController
public class CheckoutRedirectController {
    private final StripeReferenceVault vault;
    private final CheckoutStatuses statuses;

    public CheckoutRedirectController(StripeReferenceVault vault, CheckoutStatuses statuses) {
        this.vault = vault;
        this.statuses = statuses;
    }

    @Operation(operationId = "redirectToCheckout", summary = "The buyer's link: redirects to Stripe Checkout while "
            + "the checkout is open")
    @ApiResponse(responseCode = "303", description = "To the Stripe Checkout page",
            headers = @Header(name = "Location", description = "The Stripe Checkout URL",
                    schema = @Schema(type = "string")))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/checkout/{checkoutIntentId}")
    public Mono<ResponseEntity<Object>> redirect(
            @Parameter(example = CheckoutController.CHECKOUT_INTENT) @PathVariable String checkoutIntentId) {
        if (!CheckoutIntentId.isWellFormed(checkoutIntentId)) {
            return Mono.error(ApiException.notFound());
        }
        return Mono.fromCallable(() -> {
            // A closed checkout answers like one that never existed: the public route tells nobody which ids exist.
            // The view may lag behind the 201 that sent the buyer here, so only a final status closes the link;
            // otherwise the session URL in the vault decides.
            if (statuses.status(CheckoutIntentId.of(checkoutIntentId)).filter(CheckoutStatus::closedToBuyer)
                    .isPresent()) {
                throw ApiException.notFound();
            }
            String url = vault.find(checkoutIntentId, StripeReferenceVault.Kind.CHECKOUT_URL)
                    .orElseThrow(ApiException::notFound);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(url)).build();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "checkoutReturnPage", summary = "Stripe's success and cancel page: a short HTML page "
            + "that changes nothing")
    @ApiResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/checkout/{checkoutIntentId}/return", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> returned(
            @Parameter(example = CheckoutController.CHECKOUT_INTENT) @PathVariable String checkoutIntentId,
            @Parameter(schema = @Schema(allowableValues = {"success", "cancel", "portal"}))
            @RequestParam(defaultValue = "success") String result) {
        String message = "cancel".equals(result)
                ? "Checkout was cancelled. Nothing was charged."
                : "Thank you. Your payment is being confirmed; access follows once Stripe confirms it.";
        return ResponseEntity.ok("<!doctype html><html><head><meta charset=\"utf-8\"><title>Bumpgrade</title></head>"
                + "<body><p>" + message + "</p></body></html>");
    }
}
