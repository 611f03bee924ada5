package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The webhook answers built as maps, as the OpenAPI document shows them (the contract test checks them). */
public final class WebhookSchemas {
    private WebhookSchemas() {
    }

    @Schema(name = "WebhookReceived", description = "The event is durable")
    public record Received(
            @Schema(requiredMode = REQUIRED) boolean received,
            @Schema(requiredMode = REQUIRED, example = "whk_c4acc772cf572e6f36e519d62f5c7216") String evidenceId,
            @Schema(requiredMode = REQUIRED, description = "A redelivery: nothing changed") boolean duplicate,
            @Schema(requiredMode = REQUIRED, description = "False when no webhook secret is configured")
            boolean verified) {
    }

    @Schema(name = "WebhookEvidenceList")
    public record Events(
            @Schema(requiredMode = REQUIRED, description = "Newest first") List<WebhookEvidenceView> events) {
    }

    @Schema(name = "WebhookDeadLetterList")
    public record DeadLetters(@Schema(requiredMode = REQUIRED, description = "dead-lettered first, then failed")
                              List<WebhookEvidenceView> deadLetters) {
    }

    @Schema(name = "RedrivePreviewFields")
    public record RedrivePreviewFields(@Schema(requiredMode = REQUIRED) String evidenceId) {
    }

    @Schema(name = "WebhookRedriven")
    public record Redriven(
            @Schema(requiredMode = REQUIRED, allowableValues = "redriven") String status,
            @Schema(requiredMode = REQUIRED) String evidenceId,
            @Schema(requiredMode = REQUIRED, description = "False when the translation failed again; the event "
                    + "stays in the queue") boolean letterProcessed) {
    }
}
