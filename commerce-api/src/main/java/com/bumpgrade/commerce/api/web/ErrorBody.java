package com.bumpgrade.commerce.api.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of every error the API answers ({@link ApiErrors#body}), as the OpenAPI document shows it. */
@Schema(name = "Error", description = "Every error of the API. Messages are the service's own, never Stripe text, "
        + "SQL or a stack trace.")
public record ErrorBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Detail error) {

    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "not_found",
                    description = "Stable, machine-readable; the codes of each answer are listed under it") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The record was not found.")
            String message) {
    }
}
