package com.bumpgrade.commerce.api.config;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a new group starts, from the tokens of the groups it replaces (the upgrade itself: RegroupUpgradeTest). */
class LegacyTokenStartTest {
    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    @Test
    void theNewGroupStartsAtTheLowestPositionOfAnyLegacySegment() {
        TrackingToken start = LegacyTokenStart.lowerBound(List.of(at(40), at(12), at(33)));

        assertThat(start).isEqualTo(at(12));
        assertThat(ReplayToken.isReplay(start)).isFalse();
    }

    @Test
    void aLegacySegmentThatHandledNothingMeansFromTheStart() {
        assertThat(LegacyTokenStart.lowerBound(Arrays.asList(at(40), null))).isNull();
    }

    @Test
    void aLegacyGroupStillInItsFirstReplayKeepsReplayingToItsEnd() {
        TrackingToken replaying = ReplayToken.createReplayToken(at(50), at(20));

        TrackingToken start = LegacyTokenStart.lowerBound(List.of(at(45), replaying));

        assertThat(start).isInstanceOf(ReplayToken.class);
        assertThat(((ReplayToken) start).getTokenAtReset()).isEqualTo(at(50));
        assertThat(((ReplayToken) start).getCurrentToken()).isEqualTo(at(20));
    }

    @Test
    void otherTokenTypesUseTheirOwnLowerBound() {
        assertThat(LegacyTokenStart.lowerBound(List.of(new GlobalSequenceTrackingToken(9),
                new GlobalSequenceTrackingToken(4)))).isEqualTo(new GlobalSequenceTrackingToken(4));
    }
}
