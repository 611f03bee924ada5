package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.logging.LogCorrelation;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.webhook.RecordNewStripeEvent;
import com.bumpgrade.commerce.domain.webhook.RecordedDelivery;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook door: verify, keep the raw delivery privately, record public evidence as an event, and answer.
 * Both writes commit together, before the 2xx; translation into commands happens later, in a processor.
 */
@Service
public class WebhookIntake {
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final WebhookSignature signature;
    private final WebhookDeliveries deliveries;
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    public WebhookIntake(WebhookSignature signature, WebhookDeliveries deliveries, CommandGateway commands,
                         TransactionManager transactions, Clock clock) {
        this.signature = signature;
        this.deliveries = deliveries;
        this.commands = commands;
        this.transactions = transactions;
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
        RecordNewStripeEvent delivery = new RecordNewStripeEvent(evidenceId, event.type(), event.livemode(),
                event.apiVersion(), event.created(), now, sha256,
                verified == WebhookSignature.Result.VERIFIED ? Verification.VERIFIED : Verification.UNVERIFIED);
        RecordedDelivery recorded;
        // the evidence id is the correlation id of what Stripe causes, in the audit trail and in the log lines
        // of the processing that follows (the evidence event carries it on)
        try (LogCorrelation.Scope scope = LogCorrelation.with(LogCorrelation.CORRELATION_ID, evidenceId.value())) {
            recorded = inOneTransaction(() -> record(delivery, event.id(), payload));
            if (recorded == RecordedDelivery.PAYLOAD_MISMATCH) {
                log.warn("Stripe event {} was redelivered with a different payload; flagged", evidenceId);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("evidenceId", evidenceId.value());
        answer.put("duplicate", recorded != RecordedDelivery.FIRST);
        answer.put("verified", verified == WebhookSignature.Result.VERIFIED);
        return answer;
    }

    /**
     * The delivery row and the evidence event of one delivery. A first delivery creates the evidence without
     * reading the store; a redelivery of the same payload costs the one statement that counts it.
     */
    private RecordedDelivery record(RecordNewStripeEvent delivery, String stripeEventId, String payload) {
        WebhookDeliveries.Delivery row = deliveries.store(delivery.evidenceId(), stripeEventId, payload,
                delivery.payloadSha256(), delivery.receivedAt());
        if (row.first()) {
            commands.sendAndWait(delivery);
            return RecordedDelivery.FIRST;
        }
        if (row.evidenceRecorded() && row.firstPayloadSha256().equals(delivery.payloadSha256())) {
            return RecordedDelivery.DUPLICATE;
        }
        // a different payload under the same event id, or a row of the earlier release still without evidence
        RecordedDelivery recorded = commands.sendAndWait(delivery.asRecord());
        if (!row.evidenceRecorded()) {
            deliveries.evidenceRecorded(delivery.evidenceId());
        }
        return recorded;
    }

    /**
     * Runs the work in a root unit of work bound to one database transaction: the command's own unit of work nests
     * in it, so its events are appended in this transaction, and processors are woken only after it has committed
     * (a wake-up before the commit would find nothing and leave the event to the next poll).
     */
    private RecordedDelivery inOneTransaction(Callable<RecordedDelivery> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<RecordedDelivery> result = unitOfWork.executeWithResult(work,
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
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
