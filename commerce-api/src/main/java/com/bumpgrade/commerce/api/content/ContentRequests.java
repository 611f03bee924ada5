package com.bumpgrade.commerce.api.content;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The bodies of the content readiness routes: structure metadata only, never a lesson's body. */
public final class ContentRequests {
    private ContentRequests() {
    }

    @Schema(name = "ContentStructureRequest", description = "The whole structure; it replaces the saved one")
    public record Structure(
            @Schema(requiredMode = REQUIRED, description = "At most 100 modules; an empty list is allowed")
            List<Module> modules,
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }

    @Schema(name = "ContentModule")
    public record Module(
            @Schema(requiredMode = REQUIRED, maxLength = 200, example = "Getting started") String title,
            @Schema(requiredMode = REQUIRED, description = "Its place, from 1, unique among the modules",
                    example = "1") Integer order,
            @Schema(description = "The module's lessons") List<Lesson> lessons) {
    }

    @Schema(name = "ContentLesson")
    public record Lesson(
            @Schema(requiredMode = REQUIRED, maxLength = 200, example = "Welcome") String title,
            @Schema(requiredMode = REQUIRED, description = "Its place, from 1, unique within the module",
                    example = "1") Integer order,
            @Schema(description = "The private asset of this product the lesson will deliver (ast_...)",
                    example = "ast_0123456789abcdef0123456789abcdef") String assetId,
            @Schema(description = "Released this many days after the purchase (0-3650); none: at once",
                    example = "7") Integer dripOffsetDays) {
    }

    @Schema(name = "ContentMarkReadyRequest")
    public record Mark(
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }
}
