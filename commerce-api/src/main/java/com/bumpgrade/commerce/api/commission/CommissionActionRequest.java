package com.bumpgrade.commerce.api.commission;

/** Body of the owner actions on a commission entry; {@code reason} is required to hold or reverse. */
public record CommissionActionRequest(String confirmation, String reason) {
}
