package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The evidence of one Stripe event, keyed by a hash of its Stripe id: every delivery lands here, only the first
 * creates it, and its translation is concluded once.
 */
public class StripeEventEvidence {
    @AggregateIdentifier
    private WebhookEvidenceId evidenceId;
    private String eventType;
    private String firstPayloadSha256;
    private Set<String> flaggedPayloads = new HashSet<>();
    private boolean concluded;
    private PublisherId publisherId;
    private BillingContext redriveRequestedBy;

    protected StripeEventEvidence() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    public StripeEventEvidence(RecordNewStripeEvent command) {
        apply(received(command.asRecord()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordedDelivery handle(RecordStripeEvent command) {
        if (evidenceId == null) {
            apply(received(command));
            return RecordedDelivery.FIRST;
        }
        if (firstPayloadSha256.equals(command.payloadSha256())) {
            return RecordedDelivery.DUPLICATE;
        }
        if (!flaggedPayloads.contains(command.payloadSha256())) {
            apply(new StripeEventPayloadMismatchFlagged(evidenceId, command.payloadSha256(), command.receivedAt(),
                    publisherId));
        }
        return RecordedDelivery.PAYLOAD_MISMATCH;
    }

    private static StripeEventReceived received(RecordStripeEvent command) {
        return new StripeEventReceived(command.evidenceId(), command.eventType(), command.livemode(),
                command.apiVersion(), command.stripeCreatedAt(), command.receivedAt(), command.payloadSha256(),
                command.verification());
    }

    @CommandHandler
    public void handle(ConcludeStripeEvent command) {
        if (concluded) {
            return; // a re-processed event keeps its first conclusion
        }
        apply(new StripeEventConcluded(evidenceId, eventType, command.outcome(), command.reason(),
                command.publisherId(), command.subjectType(), command.subjectId(), command.concludedAt(),
                redriveRequestedBy));
    }

    @CommandHandler
    public void handle(AttributeStripeEvent command) {
        if (publisherId != null) {
            return;
        }
        apply(new StripeEventAttributed(evidenceId, command.publisherId(), command.subjectType(), command.subjectId(),
                command.attributedAt()));
    }

    @CommandHandler
    public void handle(RequestStripeEventRedrive command) {
        // unattributed evidence may be any publisher's: nobody re-drives it, and it is as unknown as a foreign one
        if (publisherId == null || !publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The webhook evidence was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        if (concluded) {
            throw new BillingRuleViolation("already_concluded", "This event was already processed.");
        }
        apply(new StripeEventRedriveRequested(evidenceId, eventType, command.publisherId(), command.context(),
                command.requestedAt()));
    }

    @EventSourcingHandler
    void on(StripeEventReceived event) {
        evidenceId = event.evidenceId();
        eventType = event.eventType();
        firstPayloadSha256 = event.payloadSha256();
    }

    @EventSourcingHandler
    void on(StripeEventPayloadMismatchFlagged event) {
        flaggedPayloads.add(event.payloadSha256());
    }

    @EventSourcingHandler
    void on(StripeEventConcluded event) {
        concluded = true;
        if (publisherId == null) {
            publisherId = event.publisherId();
        }
    }

    @EventSourcingHandler
    void on(StripeEventRedriveRequested event) {
        redriveRequestedBy = event.context();
    }

    @EventSourcingHandler
    void on(StripeEventAttributed event) {
        publisherId = event.publisherId();
    }
}
