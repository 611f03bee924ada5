package com.bumpgrade.commerce.api.revocation;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of an owner's revocation intent on an entitlement. */
public record RecordRevocationRequest(
        @Schema(maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Why access should be removed (1-200 characters); part of the phrase") String reason,
        @Schema(description = "The exact phrase of the preview; leave it out to get the preview") String confirmation) {
}
