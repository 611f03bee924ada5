package com.bumpgrade.commerce.api.operations;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * Three gauges per processing group, next to Axon's own {@code eventProcessor.*} meters (axon-micrometer), tagged
 * the same way ({@code processorName}), each read when scraped (decision D52):
 * <ul>
 *   <li>{@code bumpgrade.processor.lag} (events): how far the segments this instance holds are behind the event
 *   store's head, the store's newest global index less the lowest token position. Axon's
 *   {@code eventProcessor.latency} is the age of the last event handled and does not move while a group waits;
 *   this does. An instance that holds no segment of a group reports 0 for it: read {@code max by (processorName)}
 *   across instances.</li>
 *   <li>{@code bumpgrade.processor.segments}: the segments this instance holds.</li>
 *   <li>{@code bumpgrade.processor.dead.letters}: the group's dead letters, counted by Axon's queue (one indexed
 *   {@code count(*)} on {@code dead_letter_entry}); the same on every instance.</li>
 * </ul>
 */
@Component
public class EventProcessorMetrics implements MeterBinder {
    static final List<String> GROUPS = List.of(ProcessingGroups.REACTIONS, ProcessingGroups.READ_MODELS,
            ProcessingGroups.AUDIT_TRAIL);
    static final String TAG = "processorName";

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public EventProcessorMetrics(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : GROUPS) {
            Gauge.builder("bumpgrade.processor.lag", this, metrics -> metrics.lag(group)).tag(TAG, group)
                    .baseUnit("events").description("Events in the store not yet handled by this instance's segments")
                    .register(registry);
            Gauge.builder("bumpgrade.processor.segments", this, metrics -> metrics.segments(group)).tag(TAG, group)
                    .description("Segments of the group this instance holds").register(registry);
            Gauge.builder("bumpgrade.processor.dead.letters", this, metrics -> metrics.deadLetters(group))
                    .tag(TAG, group).description("Dead letters of the group, waiting to be retried or re-driven")
                    .register(registry);
        }
    }

    double lag(String group) {
        Collection<EventTrackerStatus> segments = statuses(group);
        if (segments.isEmpty()) {
            return 0;
        }
        TrackingToken head = events.createHeadToken();
        long newest = head == null ? 0 : head.position().orElse(0);
        long lowest = segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
        return Math.max(0, newest - lowest);
    }

    double segments(String group) {
        return statuses(group).size();
    }

    double deadLetters(String group) {
        return processing.deadLetterQueue(group).map(queue -> (double) queue.size()).orElse(Double.NaN);
    }

    private Collection<EventTrackerStatus> statuses(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(List.of());
    }
}
