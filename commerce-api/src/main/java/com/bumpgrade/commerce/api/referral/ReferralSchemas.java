package com.bumpgrade.commerce.api.referral;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The referral answers built as maps, as the OpenAPI document shows them (the contract test checks them). */
public final class ReferralSchemas {
    private ReferralSchemas() {
    }

    @Schema(name = "ReferralClick")
    public record Click(
            @Schema(requiredMode = REQUIRED, description = "Send it as referralClickId with the checkout",
                    example = "clk_5b0f2c1e9a7d4b3c8e6f1a2b3c4d5e6f") String clickId,
            @Schema(requiredMode = REQUIRED, format = "date-time") String attributableUntil) {
    }

    @Schema(name = "PartnerList")
    public record Partners(@Schema(requiredMode = REQUIRED) List<ReferralRegistry.Partner> partners) {
    }

    @Schema(name = "PartnerRegistered")
    public record Registered(
            @Schema(requiredMode = REQUIRED, allowableValues = "registered") String status,
            @Schema(requiredMode = REQUIRED) ReferralRegistry.Partner partner) {
    }
}
