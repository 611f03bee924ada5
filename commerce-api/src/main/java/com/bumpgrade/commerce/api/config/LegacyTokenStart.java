package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProcessorPositions;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Upgrade safety for the regrouping of processing groups (D45). A new group without tokens would start at the
 * tail with a replay token: the reactions ({@code @DisallowReplay}) would then skip every event the groups of the
 * earlier release had not handled yet, and those commands would be lost. So the first time a new group starts,
 * and only if the database holds tokens of the groups it replaces, it starts at their lower bound: no event is
 * skipped, and the events some old groups had handled already are handled again (reactions' commands and read
 * models are idempotent). Without legacy tokens (a new database) Axon's own initial token is used.
 */
@Configuration(proxyBeanMethods = false)
public class LegacyTokenStart {
    private static final Logger log = LoggerFactory.getLogger(LegacyTokenStart.class);

    @Bean
    public ConfigurerModule startNewGroupsWhereLegacyGroupsStopped(JdbcTemplate jdbc, Serializer serializer) {
        return configurer -> configurer.eventProcessing(processing -> {
            startAtLegacyTokens(processing, ProcessingGroups.REACTIONS, ProcessingGroups.LEGACY_REACTIONS, jdbc,
                    serializer);
            startAtLegacyTokens(processing, ProcessingGroups.READ_MODELS, ProcessingGroups.LEGACY_READ_MODELS, jdbc,
                    serializer);
        });
    }

    private static void startAtLegacyTokens(EventProcessingConfigurer processing,
                                            String group, List<String> legacyGroups, JdbcTemplate jdbc,
                                            Serializer serializer) {
        processing.registerPooledStreamingEventProcessorConfiguration(group, (config, builder) ->
                builder.initialToken(source -> {
                    List<TrackingToken> legacy = legacyTokens(jdbc, serializer, legacyGroups);
                    if (legacy.isEmpty()) {
                        return ReplayToken.createReplayToken(source.createHeadToken()); // Axon's default
                    }
                    TrackingToken start = lowerBound(legacy);
                    log.info("Processing group {} starts where {} stopped: {}", group, legacyGroups, start);
                    return start;
                }));
    }

    /** Every stored token of the legacy groups, one per segment; a null entry is a segment that handled nothing. */
    static List<TrackingToken> legacyTokens(JdbcTemplate jdbc, Serializer serializer, List<String> legacyGroups) {
        return ProcessorPositions.stored(jdbc, serializer, legacyGroups);
    }

    /**
     * The position no legacy segment is behind of. A null token (nothing handled) means the very start. A legacy
     * group still in its first replay keeps replaying up to the earliest of those replays' ends, so reactions skip
     * what that group would have skipped; rare, as only a group started shortly before the upgrade is replaying.
     */
    static TrackingToken lowerBound(List<TrackingToken> legacy) {
        TrackingToken position = null;
        TrackingToken replayUntil = null;
        boolean fromStart = false;
        for (TrackingToken token : legacy) {
            if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null) {
                replayUntil = replayUntil == null ? replay.getTokenAtReset()
                        : replayUntil.lowerBound(replay.getTokenAtReset());
            }
            TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (current == null) {
                fromStart = true;
            } else {
                position = position == null ? current : position.lowerBound(current);
            }
        }
        TrackingToken start = fromStart ? null : position;
        return replayUntil == null ? start : ReplayToken.createReplayToken(replayUntil, start);
    }
}
