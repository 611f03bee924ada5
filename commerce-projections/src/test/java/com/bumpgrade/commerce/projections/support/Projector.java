package com.bumpgrade.commerce.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers events to a projection the way a processor does: through Axon's annotation adapter, so
 * {@code @SequenceNumber}, {@code EventMessage} parameters and {@code @ResetHandler} resolve as in production.
 */
public final class Projector {
    private final List<AnnotationEventHandlerAdapter> adapters;

    /** One projection, or a list of projections that share a processing group (the audit trail's). */
    public Projector(Object projection) {
        this.adapters = (projection instanceof List<?> several ? several : List.of(projection)).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
    }

    private void handle(EventMessage<?> event) throws Exception {
        for (AnnotationEventHandlerAdapter adapter : adapters) {
            if (adapter.canHandle(event)) {
                adapter.handle(event);
            }
        }
    }

    /**
     * The events as a streaming processor reads them from the store: each with a tracking token at its list index,
     * the position the audit chain orders by.
     */
    public static List<DomainEventMessage<?>> atStorePositions(List<DomainEventMessage<?>> events) {
        List<DomainEventMessage<?>> tracked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            tracked.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(i), events.get(i)));
        }
        return tracked;
    }

    public void apply(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            try {
                handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("handler failed on " + event.getPayloadType().getSimpleName(), e);
            }
        }
    }

    /**
     * Delivers the events as one processor batch: one batching unit of work inside one transaction, whose
     * prepare-commit runs what the handlers deferred to the end of the batch.
     */
    public void applyAsOneBatch(List<? extends EventMessage<?>> events, PlatformTransactionManager transactions) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
            // the task runs once per message of the batch, which is the unit of work's current message
            ResultMessage<?> result = batch.executeWithResult(() -> {
                handle(batch.getMessage());
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            // a failure at prepare-commit (the deferred writes, the audit chain) is answered, not thrown
            if (result.isExceptional()) {
                throw new IllegalStateException(result.exceptionResult());
            }
            batch.getExecutionResults().values().stream().filter(ExecutionResult::isExceptionResult).findFirst()
                    .ifPresent(failed -> {
                        throw new IllegalStateException(failed.getExceptionResult());
                    });
        });
    }

    /** What a processor does before replaying: the projection's reset handler. */
    public void reset() {
        adapters.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }
}
