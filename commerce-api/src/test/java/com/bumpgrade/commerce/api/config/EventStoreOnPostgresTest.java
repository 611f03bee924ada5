package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.ServiceTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 23505 trap: on PostgreSQL a duplicate (aggregate, sequence) must surface as Axon's creation/concurrency
 * exceptions, not as a generic non-transient EventStoreException.
 */
class EventStoreOnPostgresTest extends ServiceTest {

    /** A payload no processor handles. */
    public record StorageProbe(String note) {
    }

    @Autowired
    EventStorageEngine engine;

    private static GenericDomainEventMessage<StorageProbe> event(String aggregate, long sequence, String note) {
        return new GenericDomainEventMessage<>("StorageProbe", aggregate, sequence, new StorageProbe(note));
    }

    @Test
    void aDuplicateFirstEventIsAnAggregateStreamCreationConflict() {
        String aggregate = "probe-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "first"));

        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 0, "second")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventCount(aggregate, "StorageProbe")).isEqualTo(1);
    }

    @Test
    void aDuplicateLaterEventIsATransientConcurrencyConflict() {
        String aggregate = "probe-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "first"), event(aggregate, 1, "second"));

        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 1, "racing")))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventCount(aggregate, "StorageProbe")).isEqualTo(2);
    }

    @Test
    void payloadsAreStoredAsJsonInBytea() {
        String aggregate = "probe-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "readable"));

        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, aggregate);
        assertThat(payload).isEqualTo("{\"note\":\"readable\"}");
        String type = jdbc.queryForObject("SELECT pg_typeof(payload)::text FROM domain_event_entry LIMIT 1",
                String.class);
        assertThat(type).isEqualTo("bytea");
    }
}
