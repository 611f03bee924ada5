package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.ExpireGracePeriod;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpireEndedGracePeriodsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final EntitlementId FIRST =
            EntitlementId.forPurchase(CheckoutIntentId.of("chk_" + "1".repeat(32)), OfferId.of("launch-pass"));
    private static final EntitlementId SECOND =
            EntitlementId.forPurchase(CheckoutIntentId.of("chk_" + "2".repeat(32)), OfferId.of("launch-pass"));

    private final List<Instant> askedAt = new ArrayList<>();
    private final RecordingCommands commands = new RecordingCommands();

    private ExpireEndedGracePeriods sweeper(List<EntitlementId> ended) {
        return new ExpireEndedGracePeriods(now -> {
            askedAt.add(now);
            return ended;
        }, commands, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyEntitlementWhoseGraceEndedIsAskedToExpireAtTheSameInstant() {
        sweeper(List.of(FIRST, SECOND)).suspendExpiredGrace();

        assertThat(askedAt).containsExactly(NOW);
        assertThat(commands.sent()).containsExactly(new ExpireGracePeriod(FIRST, NOW),
                new ExpireGracePeriod(SECOND, NOW));
    }

    @Test
    void nothingEndedNothingSent() {
        sweeper(List.of()).suspendExpiredGrace();

        assertThat(commands.sent()).isEmpty();
    }
}
