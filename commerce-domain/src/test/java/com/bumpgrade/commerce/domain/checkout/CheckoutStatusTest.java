package com.bumpgrade.commerce.domain.checkout;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutStatusTest {

    @Test
    void onlyStatusesThatCanNeverBePaidAgainCloseTheBuyersLink() {
        assertThat(Arrays.stream(CheckoutStatus.values()).filter(CheckoutStatus::closedToBuyer))
                .containsExactlyInAnyOrder(CheckoutStatus.EXPIRED, CheckoutStatus.FAILED, CheckoutStatus.PAID,
                        CheckoutStatus.REFUNDED);
    }

    @Test
    void publicNamesReadBack() {
        for (CheckoutStatus status : CheckoutStatus.values()) {
            assertThat(CheckoutStatus.fromPublicName(status.publicName())).isEqualTo(status);
        }
    }
}
