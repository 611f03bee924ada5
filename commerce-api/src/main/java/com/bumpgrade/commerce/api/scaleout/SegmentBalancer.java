package com.bumpgrade.commerce.api.scaleout;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Splits every processing group's segments between the instances on one database. Axon's pooled processors claim
 * whatever segment is free and never give one up, so the first instance to start would keep them all and a second
 * would idle. Each instance therefore writes a heartbeat and, when it holds more than its fair share of a group
 * (segments divided by live instances, rounded up), releases the surplus for a while; the other instances'
 * coordinators claim it at their next claim interval. A released segment nobody takes is claimed back when the
 * release ends, so no segment stays unprocessed. One-segment groups (the audit chain) are never split.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final LiveInstances instances;
    private final InstanceId self;
    private final Duration liveWindow;
    private final Duration releaseFor;
    private boolean running;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, LiveInstances instances,
                           InstanceId self, TokenStoreProperties tokenStore,
                           @Value("${bumpgrade.scale-out.balance-interval:PT2S}") Duration interval,
                           @Value("${bumpgrade.scale-out.release-for:PT5S}") Duration releaseFor) {
        this.processing = processing;
        this.tokens = tokens;
        this.instances = instances;
        this.self = self;
        // an instance is live while its claims would be: a silent one has lost them by then
        Duration claimTimeout = tokenStore.getClaimTimeout();
        this.liveWindow = claimTimeout.compareTo(interval.multipliedBy(3)) > 0 ? claimTimeout : interval.multipliedBy(3);
        this.releaseFor = releaseFor;
    }

    @Scheduled(fixedDelayString = "${bumpgrade.scale-out.balance-interval:PT2S}")
    public synchronized void balance() {
        List<PooledStreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance)
                .map(PooledStreamingEventProcessor.class::cast).toList();
        // only an instance whose processors run will claim what the others release
        if (!running || !processors.stream().allMatch(p -> p.isRunning() && !p.isError())) {
            return;
        }
        try {
            instances.heartbeat(self);
            instances.forgetSilentFor(FORGET_AFTER);
            int live = instances.count(liveWindow);
            if (live > 1) {
                processors.forEach(processor -> shedSurplus(processor, live));
            }
        } catch (DataAccessException e) {
            log.warn("Segment balancing skipped this round: {}", e.getClass().getSimpleName());
        }
    }

    private void shedSurplus(PooledStreamingEventProcessor processor, int live) {
        int segments = tokens.fetchSegments(processor.getName()).length;
        int fairShare = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        for (int segment : held.subList(0, Math.max(0, held.size() - fairShare))) {
            log.info("Processor [{}] releases segment {} for {} instances ({} of {} segments each)",
                    processor.getName(), segment, live, fairShare, segments);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    /**
     * A stopping instance leaves before its processors release their claims (this phase stops first), so the
     * others take those segments at once instead of saving a share for it.
     */
    @Override
    public synchronized void stop() {
        running = false;
        try {
            instances.leave(self);
        } catch (DataAccessException e) {
            log.warn("Could not sign off as a live instance: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
