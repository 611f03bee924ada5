package com.bumpgrade.commerce.api.content;

import com.bumpgrade.commerce.domain.content.ContentReadiness;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A product's content structure, its readiness computed now, and the owner's mark. */
@Schema(name = "ContentReadiness")
public record ContentReadinessView(
        @Schema(requiredMode = REQUIRED) String productId,
        @Schema(requiredMode = REQUIRED) List<ContentRequests.Module> modules,
        @Schema(requiredMode = REQUIRED) Readiness readiness,
        @Schema(requiredMode = REQUIRED, description = "Whether the owner marked the structure ready for delivery; "
                + "a saved change clears it") boolean markedReady,
        Instant markedReadyAt,
        @Schema(description = "The If-Match of the mark; absent until a structure is saved") Long version) {

    @Schema(name = "ContentReadinessStatus")
    public record Readiness(
            @Schema(requiredMode = REQUIRED, allowableValues = {"ready", "not_ready"}) String status,
            @Schema(requiredMode = REQUIRED) List<Reason> reasons) {
        static Readiness of(ContentReadiness readiness) {
            return new Readiness(readiness.status(), readiness.reasons().stream()
                    .map(r -> new Reason(r.code(), r.module(), r.lesson(), r.assetId())).toList());
        }
    }

    @Schema(name = "ContentNotReadyReason")
    public record Reason(
            @Schema(requiredMode = REQUIRED, allowableValues = {"no_lessons", "module_without_lessons",
                    "lesson_without_asset", "asset_missing", "asset_archived"}) String code,
            @Schema(description = "The module's order") Integer module,
            @Schema(description = "The lesson's order in its module") Integer lesson,
            @Schema(description = "The asset named by the lesson") String assetId) {
    }
}
