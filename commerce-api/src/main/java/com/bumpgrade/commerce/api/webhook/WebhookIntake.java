package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.webhook.RecordStripeEvent;
import com.bumpgrade.commerce.domain.webhook.RecordedDelivery;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook door: verify, keep the raw delivery privately, record public evidence as an event, and answer.
 * Both writes are durable before the 2xx; translation into commands happens later, in a processor.
 */
@Service
public class WebhookIntake {
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final WebhookSignature signature;
    private final WebhookDeliveries deliveries;
    private final CommandGateway commands;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    public WebhookIntake(WebhookSignature signature, WebhookDeliveries deliveries, CommandGateway commands,
                         Clock clock) {
        this.signature = signature;
        this.deliveries = deliveries;
        this.commands = commands;
        this.clock = clock;
    }

    public Map<String, Object> receive(byte[] body, String signatureHeader) {
        String payload = new String(body, StandardCharsets.UTF_8);
        WebhookSignature.Result verified = signature.verify(payload, signatureHeader);
        if (verified == WebhookSignature.Result.INVALID) {
            throw ApiException.badRequest("invalid_signature", "The Stripe-Signature header is missing or invalid.");
        }
        StripeEnvelope event = parse(payload);
        Instant now = clock.instant();
        String sha256 = sha256(body);
        WebhookEvidenceId evidenceId = WebhookEvidenceId.forStripeEvent(event.id());
        deliveries.store(evidenceId, event.id(), payload, sha256, now);
        RecordStripeEvent record = new RecordStripeEvent(evidenceId, event.type(), event.livemode(),
                event.apiVersion(), event.created(), now, sha256,
                verified == WebhookSignature.Result.VERIFIED ? Verification.VERIFIED : Verification.UNVERIFIED);
        RecordedDelivery recorded;
        try {
            recorded = commands.sendAndWait(record);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // Two copies raced to create the evidence; the other one won, so this one is a redelivery.
            recorded = commands.sendAndWait(record);
        }
        if (recorded == RecordedDelivery.PAYLOAD_MISMATCH) {
            log.warn("Stripe event {} was redelivered with a different payload; flagged", evidenceId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("evidenceId", evidenceId.value());
        answer.put("duplicate", recorded != RecordedDelivery.FIRST);
        answer.put("verified", verified == WebhookSignature.Result.VERIFIED);
        return answer;
    }

    private record StripeEnvelope(String id, String type, boolean livemode, String apiVersion, Instant created) {
    }

    /**
     * Only a Stripe v1 snapshot event is accepted: object "event", an evt_ id, a type, an integer created and an
     * object data.object. Each field must have its JSON type: asText() would read {@code "type":7} as "7".
     */
    private StripeEnvelope parse(String payload) {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw notAnEvent();
        }
        if (root == null || !root.isObject() || !"event".equals(text(root, "object"))) {
            throw notAnEvent();
        }
        String id = text(root, "id");
        String type = text(root, "type");
        JsonNode created = root.path("created");
        if (id == null || !id.matches("evt_[A-Za-z0-9_]{1,200}") || type == null || !type.matches("[a-z0-9_.]{1,128}")
                || !created.isIntegralNumber() || !created.canConvertToLong()
                || !root.path("data").path("object").isObject()) {
            throw notAnEvent();
        }
        JsonNode livemode = root.path("livemode");
        if (!livemode.isMissingNode() && !livemode.isNull() && !livemode.isBoolean()) {
            throw notAnEvent();
        }
        JsonNode version = root.path("api_version");
        if (!version.isMissingNode() && !version.isNull() && !version.isTextual()) {
            throw notAnEvent();
        }
        String apiVersion = version.isTextual() ? version.asText() : null;
        if (apiVersion != null && !apiVersion.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw notAnEvent();
        }
        return new StripeEnvelope(id, type, livemode.asBoolean(false), apiVersion,
                Instant.ofEpochSecond(created.asLong()));
    }

    /** The field's value only if it is a JSON string. */
    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static ApiException notAnEvent() {
        return ApiException.badRequest("not_a_stripe_event", "The body is not a Stripe v1 event.");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "body_too_large", "The webhook body exceeds 512 KiB.");
    }
}
