package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.api.logging.LogCorrelation;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a record's events straight from the event store (never a view, which may lag or be replaying) and folds
 * them, through the record's {@link HistoryKind}, into its redacted history and public state, up to an instant if
 * one is given. Another publisher's record answers exactly like a missing one.
 */
@Component
public class HistoryReader {
    private final EventStore events;

    HistoryReader(EventStore events) {
        this.events = events;
    }

    /** Empty when the record is unknown, another publisher's, or did not exist yet at {@code at}. */
    public Optional<RecordHistory> read(HistoryKind kind, String id, PublisherId caller, Instant at) {
        if (caller == null || !kind.isWellFormed(id)) {
            return Optional.empty();
        }
        // from sequence 0: a snapshot would come first otherwise
        DomainEventStream stream = events.readEvents(id, 0L);
        if (!stream.hasNext() || !kind.ownerOf(stream.peek().getPayload()).map(caller::equals).orElse(false)) {
            return Optional.empty();
        }
        List<RecordHistory.Event> told = new ArrayList<>();
        Map<String, Object> state = new LinkedHashMap<>();
        Set<String> evidence = new LinkedHashSet<>(); // one webhook may cause several events
        long version = -1;
        Instant updatedAt = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (at != null && message.getTimestamp().isAfter(at)) {
                break; // the state at an instant is a prefix of the stream, even if a later event were stamped earlier
            }
            HistoryStep step = kind.step(message.getPayload(), Collections.unmodifiableMap(state));
            List<String> stepEvidence = step.evidence() == null ? List.of() : List.of(step.evidence().value());
            told.add(event(message, step, stepEvidence));
            state.putAll(step.changes());
            evidence.addAll(stepEvidence);
            state.put("evidenceIds", List.copyOf(evidence));
            version = message.getSequenceNumber();
            updatedAt = message.getTimestamp();
        }
        if (told.isEmpty()) {
            return Optional.empty(); // it did not exist yet at that instant
        }
        return Optional.of(new RecordHistory(id, kind.record(), at, version, updatedAt, told, state));
    }

    /**
     * Who caused the event: the billing context it records (what the envelope recorded), else the correlation
     * values its metadata carries (D53), else where it came from; the correlation id falls back to its evidence.
     */
    private static RecordHistory.Event event(DomainEventMessage<?> message, HistoryStep step, List<String> evidence) {
        BillingContext context = step.context();
        Map<String, String> correlation = LogCorrelation.fromMetaData(message.getMetaData());
        String actor = context != null ? context.actor().value()
                : first(correlation.get(LogCorrelation.ACTOR), step.origin().actor);
        String client = context != null ? context.client().value()
                : first(correlation.get(LogCorrelation.CLIENT), step.origin().client);
        String correlationId = context != null ? context.correlationId().value()
                : first(correlation.get(LogCorrelation.CORRELATION_ID), evidence.isEmpty() ? null : evidence.get(0));
        return new RecordHistory.Event(step.type(), message.getSequenceNumber(), message.getTimestamp(),
                actor == null ? "unknown" : actor, client, correlationId, evidence, step.changes());
    }

    private static String first(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
