package com.bumpgrade.commerce.api.envelope;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fields every preview of {@link BillingWriteEnvelope} has, as the OpenAPI document shows them; a route adds
 * its own ({@link BillingWriteRoute#previewFields()}).
 */
@Schema(name = "Preview")
public record PreviewBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "preview") String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The exact phrase that confirms this "
                + "request: send it as 'confirmation' with the same body and the same Idempotency-Key")
        String requiredConfirmation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Why nothing was done") String reason) {

    /** No phrase was given. */
    public static final String CONFIRMATION_REQUIRED = "confirmation_required";
    /** A phrase was given, but not the one the server derived. */
    public static final String CONFIRMATION_MISMATCH = "confirmation_mismatch";
}
