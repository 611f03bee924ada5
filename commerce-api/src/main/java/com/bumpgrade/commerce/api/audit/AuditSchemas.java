package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.projections.audit.AuditEntryView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The audit list answer: one page of entries and the cursor of the next. */
public final class AuditSchemas {
    private AuditSchemas() {
    }

    @Schema(name = "AuditEntryList")
    public record Entries(
            @Schema(requiredMode = REQUIRED, description = "In chain order") List<AuditEntryView> entries,
            @Schema(description = "The cursor of the next page; absent on the last page") String nextCursor) {
    }
}
