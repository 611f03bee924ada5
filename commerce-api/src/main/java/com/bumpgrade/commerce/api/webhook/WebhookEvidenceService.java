package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.webhook.RequestStripeEventRedrive;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.domain.webhook.WhichWebhookEvidence;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence and dead-letter queries, and the owner's confirmed re-drive of a dead-lettered event. Owners and
 * auditors see their own publisher's evidence only. Evidence attributed to no publisher (unverified, unmatched,
 * or failed before Bumpgrade's records named its publisher) may be anyone's, so only the platform operator, who
 * belongs to no publisher, sees it; the operator does not re-drive (a re-drive is a publisher's billing write).
 */
@Service
public class WebhookEvidenceService {
    static final Set<String> STATUSES = Set.of("received", "processed", "ignored", "unmatched", "rejected",
            "failed", "dead-lettered");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final EventProcessingConfiguration processing;
    private final BillingWriteEnvelope envelope;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookEvidenceService(QueryGateway queries, CommandGateway commands,
                                  EventProcessingConfiguration processing, BillingWriteEnvelope envelope,
                                  WebhookProperties properties, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.processing = processing;
        this.envelope = envelope;
        this.properties = properties;
        this.clock = clock;
    }

    public List<WebhookEvidenceView> list(ApiCaller caller, String status, String type, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid_status", "status must be one of " + STATUSES + ".");
        }
        if (type != null && !type.matches("[a-z0-9_.]{1,128}")) {
            throw ApiException.badRequest("invalid_type", "type must be a Stripe event type.");
        }
        return query(caller, status, type, null, limit);
    }

    public List<WebhookEvidenceView> deadLetters(ApiCaller caller, int limit) {
        List<WebhookEvidenceView> letters = new ArrayList<>(query(caller, "dead-lettered", null, null, limit));
        letters.addAll(query(caller, "failed", null, null, limit));
        return letters;
    }

    public WriteOutcome redrive(ApiCaller caller, HttpHeaders headers, String evidenceId, RedriveRequest request) {
        if (!WebhookEvidenceId.isWellFormed(evidenceId)) {
            throw ApiException.notFound();
        }
        return envelope.submit(caller, headers, WriteRequest.onRecord("webhook.redrive:" + evidenceId, request),
                write -> {
                    WebhookEvidenceView evidence = query(caller, null, null, evidenceId, 1).stream().findFirst()
                            .orElseThrow(ApiException::notFound);
                    if (!evidence.status().equals("failed") && !evidence.status().equals("dead-lettered")) {
                        throw new ApiException(HttpStatus.CONFLICT, "not_dead_lettered", "Only failed or "
                                + "dead-lettered events can be re-driven; this one is " + evidence.status() + ".");
                    }
                    return ConfirmedAction.of("Re-drive Stripe event " + evidenceId, request.confirmation(),
                            Map.of("evidenceId", evidenceId), () -> execute(write, evidenceId));
                });
    }

    private WriteResult execute(BillingWrite write, String evidenceId) {
        commands.sendAndWait(new RequestStripeEventRedrive(WebhookEvidenceId.of(evidenceId), write.caller().publisher(),
                write.expectedVersion(), write.context(), clock.instant()));
        boolean processed = processing.sequencedDeadLetterProcessor(ProcessingGroups.REACTIONS)
                .map(p -> p.process(letter -> letter.message() instanceof DomainEventMessage<?> domain
                        && evidenceId.equals(domain.getAggregateIdentifier())))
                .orElse(false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "redriven");
        body.put("evidenceId", evidenceId);
        body.put("letterProcessed", processed);
        return WriteResult.done(HttpStatus.OK, body);
    }

    private List<WebhookEvidenceView> query(ApiCaller caller, String status, String type, String evidenceId,
                                            int limit) {
        // the operator's publisher is null: the query then answers the unattributed evidence only
        return queries.query(new WhichWebhookEvidence(caller.publisher(), status, type, evidenceId, limit,
                        properties.maxAttempts()),
                ResponseTypes.multipleInstancesOf(WebhookEvidenceView.class)).join();
    }
}
