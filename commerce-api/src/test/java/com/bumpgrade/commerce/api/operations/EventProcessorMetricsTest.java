package com.bumpgrade.commerce.api.operations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How far behind a group is, read from Axon's processing status and the store's head; and its dead letters. */
class EventProcessorMetricsTest {
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore events = mock(EventStore.class);
    private final StreamingEventProcessor reactions = mock(StreamingEventProcessor.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void bind() {
        when(processing.eventProcessor("reactions", StreamingEventProcessor.class)).thenReturn(Optional.of(reactions));
        new EventProcessorMetrics(processing, events).bindTo(registry);
    }

    private static EventTrackerStatus at(Long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position == null ? OptionalLong.empty() : OptionalLong.of(position));
        return status;
    }

    private double gauge(String name, String group) {
        return registry.get(name).tag("processorName", group).gauge().value();
    }

    @Test
    void theLagIsTheHeadLessTheLowestPositionOfTheSegmentsHeld() {
        Map<Integer, EventTrackerStatus> held = Map.of(0, at(120L), 1, at(95L), 2, at(130L));
        when(reactions.processingStatus()).thenReturn(held);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(130));

        assertThat(gauge("bumpgrade.processor.lag", "reactions")).isEqualTo(35);
        assertThat(gauge("bumpgrade.processor.segments", "reactions")).isEqualTo(3);
    }

    @Test
    void aSegmentThatHandledNothingYetIsBehindByTheWholeStore() {
        Map<Integer, EventTrackerStatus> held = Map.of(0, at(120L), 1, at(null));
        when(reactions.processingStatus()).thenReturn(held);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(130));

        assertThat(gauge("bumpgrade.processor.lag", "reactions")).isEqualTo(130);
    }

    @Test
    void anInstanceThatHoldsNoSegmentOrHasNoProcessorReportsNoLag() {
        when(reactions.processingStatus()).thenReturn(Map.of());
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(130));

        assertThat(gauge("bumpgrade.processor.lag", "reactions")).isZero();
        assertThat(gauge("bumpgrade.processor.segments", "reactions")).isZero();
        assertThat(gauge("bumpgrade.processor.lag", "read-models")).isZero();
    }

    @Test
    void deadLettersAreWhatTheGroupsQueueCounts() {
        @SuppressWarnings("unchecked")
        SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
        when(queue.size()).thenReturn(7L);
        when(processing.deadLetterQueue("audit-trail")).thenReturn(Optional.of(queue));

        assertThat(gauge("bumpgrade.processor.dead.letters", "audit-trail")).isEqualTo(7);
        assertThat(gauge("bumpgrade.processor.dead.letters", "reactions")).as("no queue").isNaN();
    }
}
