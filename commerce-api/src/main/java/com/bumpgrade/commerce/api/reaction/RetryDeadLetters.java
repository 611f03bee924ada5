package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.deadletter.DeadLetterAttempts;
import com.bumpgrade.commerce.api.webhook.WebhookProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When a dead letter's retry interval has passed, retry it: dead letters of every processing group (a refund that
 * arrived before its payment, a reaction's command that lost a race on its aggregate, a read model hit by a
 * passing database fault) are retried every retry interval until the
 * attempts run out; after that they stay parked (webhook translations can then be re-driven by an owner). Claims
 * in the dead-letter table keep several instances from processing the same letter.
 */
@Component
public class RetryDeadLetters {
    private final EventProcessingConfiguration processing;
    private final WebhookProperties properties;
    private final Clock clock;

    public RetryDeadLetters(EventProcessingConfiguration processing, WebhookProperties properties, Clock clock) {
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bumpgrade.webhooks.retry-interval:PT10S}",
            initialDelayString = "${bumpgrade.webhooks.retry-interval:PT10S}")
    public void retryDue() {
        for (String group : processing.eventProcessors().keySet()) {
            processing.sequencedDeadLetterProcessor(group).ifPresent(this::retryDue);
        }
    }

    private void retryDue(SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        Instant due = clock.instant().minus(properties.retryInterval());
        for (int i = 0; i < 100; i++) {
            boolean processed = processor.process(letter ->
                    DeadLetterAttempts.attempts(letter) < properties.maxAttempts()
                            && !letter.lastTouched().isAfter(due));
            if (!processed) {
                return;
            }
        }
    }
}
