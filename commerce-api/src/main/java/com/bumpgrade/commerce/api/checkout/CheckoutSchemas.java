package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.web.ErrorBody;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The checkout answers that {@link CheckoutResponses} and {@link CheckoutService} build as maps, as the OpenAPI
 * document shows them (the contract test holds real answers against these).
 */
public final class CheckoutSchemas {
    private CheckoutSchemas() {
    }

    @Schema(name = "CheckoutPreviewFields")
    public record PreviewFields(
            @Schema(requiredMode = REQUIRED, example = "launch-pass") String offerId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"payment", "subscription"}) String mode,
            @Schema(requiredMode = REQUIRED, allowableValues = {"preselected", "buyer_choice"}) String orderBumpMode,
            @Schema(requiredMode = REQUIRED) List<CheckoutIntentView.Line> lines,
            @Schema(requiredMode = REQUIRED, description = "With buyer_choice, the main line's: the buyer may add "
                    + "each bump line") CheckoutIntentView.Amount total,
            @Schema(description = "Recurring offers only", example = "month") String interval) {
    }

    @Schema(name = "CheckoutOpened", description = "The intent was recorded and a Stripe Checkout Session created")
    public record Opened(
            @Schema(requiredMode = REQUIRED, allowableValues = "open") String status,
            @Schema(requiredMode = REQUIRED, example = "chk_23a0274e29a7362db0a965f97c7f9d6f") String checkoutIntentId,
            @Schema(requiredMode = REQUIRED, description = "The Bumpgrade URL to give the buyer; it redirects to "
                    + "Stripe Checkout") String checkoutUrl,
            @Schema(requiredMode = REQUIRED) String offerId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"payment", "subscription"}) String mode,
            @Schema(requiredMode = REQUIRED, allowableValues = {"preselected", "buyer_choice"}) String orderBumpMode,
            @Schema(requiredMode = REQUIRED) List<CheckoutIntentView.Line> lines,
            @Schema(requiredMode = REQUIRED, description = "With buyer_choice, the main line's: the buyer may add "
                    + "each bump line") CheckoutIntentView.Amount total) {
    }

    @Schema(name = "CheckoutSessionFailed", description = "Stripe failed; nothing was charged and nothing stored: "
            + "retry with the same Idempotency-Key")
    public record SessionFailed(
            @Schema(requiredMode = REQUIRED) ErrorBody.Detail error,
            @Schema(requiredMode = REQUIRED) String checkoutIntentId,
            @Schema(requiredMode = REQUIRED, allowableValues = "session_failed") String status) {
    }

    @Schema(name = "CheckoutExpirePreviewFields")
    public record ExpirePreviewFields(@Schema(requiredMode = REQUIRED) String checkoutIntentId) {
    }

    @Schema(name = "CheckoutExpired")
    public record Expired(
            @Schema(requiredMode = REQUIRED, allowableValues = "expired") String status,
            @Schema(requiredMode = REQUIRED) String checkoutIntentId,
            @Schema(requiredMode = REQUIRED, description = "Whether the Stripe session could be expired too")
            boolean stripeSessionExpired) {
    }
}
