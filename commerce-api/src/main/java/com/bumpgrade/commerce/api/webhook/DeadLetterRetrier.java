package com.bumpgrade.commerce.api.webhook;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Retries dead-lettered translations (e.g. a refund that arrived before its payment) every retry interval, until
 * the attempts run out; after that only an owner's re-drive processes them. Claims in the dead-letter table keep
 * several instances from processing the same letter.
 */
@Component
public class DeadLetterRetrier {
    private final EventProcessingConfiguration processing;
    private final WebhookProperties properties;
    private final Clock clock;

    public DeadLetterRetrier(EventProcessingConfiguration processing, WebhookProperties properties, Clock clock) {
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bumpgrade.webhooks.retry-interval:PT10S}",
            initialDelayString = "${bumpgrade.webhooks.retry-interval:PT10S}")
    public void retryDue() {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(StripeEventTranslator.GROUP);
        if (processor.isEmpty()) {
            return;
        }
        Instant due = clock.instant().minus(properties.retryInterval());
        for (int i = 0; i < 100; i++) {
            boolean processed = processor.get().process(letter ->
                    DeadLetterAttempts.attempts(letter) < properties.maxAttempts()
                            && !letter.lastTouched().isAfter(due));
            if (!processed) {
                return;
            }
        }
    }
}
