package com.bumpgrade.commerce.projections.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events of one aggregate as the event store hands them to a processor: sequence numbers from 0, each with
 * its own message id (the audit trail's key) and timestamp.
 */
public final class AggregateStream {
    private final String type;
    private final String aggregateId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private AggregateStream(String type, String aggregateId) {
        this.type = type;
        this.aggregateId = aggregateId;
    }

    public static AggregateStream of(String type, String aggregateId) {
        return new AggregateStream(type, aggregateId);
    }

    public AggregateStream then(Object payload, Instant at) {
        events.add(new GenericDomainEventMessage<>(type, aggregateId, events.size(), payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
        return this;
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }
}
