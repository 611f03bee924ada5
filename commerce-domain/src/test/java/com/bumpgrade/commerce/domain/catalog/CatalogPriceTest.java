package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A price's id is its terms; its cadence is what the phrase names; Stripe's limits are checked before Stripe. */
class CatalogPriceTest {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final OfferId OFFER = OfferId.of("club");

    private static CatalogPrice price(long amount, String interval, Integer count) {
        return CatalogPrice.of(DEMO, OFFER, Money.of(amount, "USD"), interval, count);
    }

    @Test
    void theSameTermsAreTheSamePriceAndOtherTermsAnother() {
        assertThat(price(900, null, null).priceId()).isEqualTo(price(900, null, null).priceId()).startsWith("pri_");
        assertThat(price(900, "month", 1).priceId()).isNotEqualTo(price(900, "month", 3).priceId())
                .isNotEqualTo(price(900, null, null).priceId());
        assertThat(CatalogPrice.of(PublisherId.of("rival"), OFFER, Money.of(900, "USD"), null, null).priceId())
                .isNotEqualTo(price(900, null, null).priceId());
    }

    @Test
    void theCadenceIsNamed() {
        assertThat(price(900, null, null).display()).isEqualTo("9.00 USD");
        assertThat(price(1500, "month", null).display()).isEqualTo("15.00 USD per month");
        assertThat(price(4500, "month", 3).display()).isEqualTo("45.00 USD every 3 months");
    }

    @Test
    void stripesLimitsAreCheckedFirst() {
        assertThatThrownBy(() -> price(900, "month", 13)).isInstanceOf(BillingRuleViolation.class);
        assertThatThrownBy(() -> price(900, "year", 2)).isInstanceOf(BillingRuleViolation.class);
        assertThatThrownBy(() -> price(900, "fortnight", 1)).isInstanceOf(BillingRuleViolation.class);
        assertThatThrownBy(() -> price(900, null, 2)).isInstanceOf(BillingRuleViolation.class);
        assertThatThrownBy(() -> price(0, null, null)).isInstanceOf(BillingRuleViolation.class);
        assertThat(price(900, "week", 52).intervalCount()).isEqualTo(52);
    }
}
