package com.bumpgrade.commerce.api.operator;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The operator's answer built as a map, as the OpenAPI document shows it (the contract test checks it). */
public final class OperatorSchemas {
    private OperatorSchemas() {
    }

    @Schema(name = "DeadLetterList")
    public record DeadLetters(@Schema(requiredMode = REQUIRED) List<DeadLetterListing.DeadLetterSummary> deadLetters) {
    }
}
