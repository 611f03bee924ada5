package com.bumpgrade.commerce.api.history;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A record's redacted events and the public state they add up to, now or as of {@code at}. */
@Schema(name = "RecordHistory")
public record RecordHistory(
        @Schema(requiredMode = REQUIRED) String id,
        @Schema(requiredMode = REQUIRED, allowableValues = {"checkout_intent", "entitlement", "commission_entry",
                "revocation_intent"})
        String record,
        @Schema(description = "The instant asked for with ?at=; absent for the whole history") Instant at,
        @Schema(requiredMode = REQUIRED, description = "Sequence of the last event applied, the record's version "
                + "at that moment") long version,
        @Schema(requiredMode = REQUIRED, description = "Time of the last event applied") Instant updatedAt,
        @Schema(requiredMode = REQUIRED, description = "The events up to the instant (all without ?at=), oldest first")
        List<Event> events,
        @Schema(requiredMode = REQUIRED, description = "The record's public state rebuilt from these events alone "
                + "(never read from a view); evidenceIds lists the webhook evidence behind it")
        Map<String, Object> state) {

    /** One event, redacted: no Stripe id, secret, raw payload or e-mail address. */
    @Schema(name = "HistoryEvent")
    public record Event(
            @Schema(requiredMode = REQUIRED, example = "checkout_paid") String type,
            @Schema(requiredMode = REQUIRED) long sequence,
            @Schema(requiredMode = REQUIRED, description = "When the event was stored") Instant time,
            @Schema(requiredMode = REQUIRED, description = "An actor id, or stripe or clock") String actor,
            @Schema(description = "The client attribution, stripe-webhook or scheduler") String client,
            @Schema(description = "The write's correlation id, or the evidence id of the webhook behind it")
            String correlationId,
            @Schema(requiredMode = REQUIRED) List<String> evidenceIds,
            @Schema(requiredMode = REQUIRED, description = "New values of the public fields the event changed")
            Map<String, Object> changes) {
    }
}
