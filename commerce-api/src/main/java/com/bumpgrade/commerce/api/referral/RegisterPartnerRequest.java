package com.bumpgrade.commerce.api.referral;

/** Body of {@code POST /api/commerce/partners}. */
public record RegisterPartnerRequest(String partnerId, String displayName, String referralCode,
                                     Integer commissionBasisPoints, String confirmation) {
}
