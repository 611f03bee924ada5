package com.bumpgrade.commerce.api.commission;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of the owner actions on a commission entry; {@code reason} is required to hold or reverse. */
public record CommissionActionRequest(
        @Schema(description = "The exact phrase of the preview; leave it out to get the preview") String confirmation,
        @Schema(maxLength = 200, description = "Required (1-200 characters) to hold or reverse; part of the phrase")
        String reason) {
}
