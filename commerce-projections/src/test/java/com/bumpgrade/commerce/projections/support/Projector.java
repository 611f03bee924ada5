package com.bumpgrade.commerce.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * Delivers events to a projection the way a processor does: through Axon's annotation adapter, so
 * {@code @SequenceNumber}, {@code EventMessage} parameters and {@code @ResetHandler} resolve as in production.
 */
public final class Projector {
    private final AnnotationEventHandlerAdapter adapter;

    public Projector(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public void apply(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            try {
                adapter.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("handler failed on " + event.getPayloadType().getSimpleName(), e);
            }
        }
    }

    /** What a processor does before replaying: the projection's reset handler. */
    public void reset() {
        adapter.prepareReset();
    }
}
