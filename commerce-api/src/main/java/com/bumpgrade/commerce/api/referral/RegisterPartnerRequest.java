package com.bumpgrade.commerce.api.referral;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Body of {@code POST /api/commerce/partners}. */
public record RegisterPartnerRequest(
        @Schema(requiredMode = REQUIRED, pattern = "^[a-z0-9][a-z0-9-]{0,63}$", example = "partner-ada")
        String partnerId,
        @Schema(requiredMode = REQUIRED, maxLength = 200, example = "Ada Partner") String displayName,
        @Schema(requiredMode = REQUIRED, pattern = "^[A-Za-z0-9_-]{2,64}$", example = "ADA30") String referralCode,
        @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "10000", example = "3000",
                description = "The share of the amount paid, in basis points") Integer commissionBasisPoints,
        @Schema(description = "The exact phrase of the preview; leave it out to get the preview") String confirmation) {
}
