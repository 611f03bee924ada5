package com.bumpgrade.commerce.api.revocation;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of confirm, dismiss and cancel. */
public record RevocationActionRequest(
        @Schema(description = "The exact phrase of the preview; leave it out to get the preview") String confirmation) {
}
