package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.projections.audit.AuditEntryView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The audit answer built as a map, as the OpenAPI document shows it (the contract test checks it). */
public final class AuditSchemas {
    private AuditSchemas() {
    }

    @Schema(name = "AuditEntryList")
    public record Entries(
            @Schema(requiredMode = REQUIRED, description = "In chain order") List<AuditEntryView> entries) {
    }
}
