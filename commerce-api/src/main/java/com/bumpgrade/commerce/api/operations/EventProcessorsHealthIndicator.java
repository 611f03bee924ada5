package com.bumpgrade.commerce.api.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The {@code eventProcessors} health contributor, part of the readiness group: UP only while every event
 * processor of this instance runs. Before Axon has started them (after the Flyway migrations, which run while the
 * context is built) and after one has stopped, readiness is DOWN. A processor that runs but retries after an error
 * (its database unreachable, say) stays UP: every instance shares that database, and taking them all out of
 * service would turn a partial failure into a total one; its lag shows in the metrics (decision D52).
 */
@Component
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {
    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processors could not be checked");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, EventProcessor> processors = processing.eventProcessors();
        boolean allRunning = !processors.isEmpty();
        for (Map.Entry<String, EventProcessor> processor : processors.entrySet()) {
            EventProcessor p = processor.getValue();
            allRunning &= p.isRunning();
            builder.withDetail(processor.getKey(), !p.isRunning() ? "stopped" : p.isError() ? "retrying" : "running");
        }
        if (allRunning) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
