package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bumpgrade.commerce.domain.checkout.PostPurchaseDecision.ACCEPTED;
import static com.bumpgrade.commerce.domain.checkout.PostPurchaseDecision.DECLINED;
import static com.bumpgrade.commerce.domain.checkout.PostPurchaseDecision.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** Which offer of a post-purchase path is shown next, given the decisions so far. */
class PostPurchasePolicyTest {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final PostPurchaseStep UP = new PostPurchaseStep(1, OfferId.of("up"), OfferRole.UPSELL, "Up",
            CatalogPrice.of(DEMO, OfferId.of("up"), Money.of(1900, "USD"), null, null), 2);
    private static final PostPurchaseStep DOWN = new PostPurchaseStep(2, OfferId.of("down"), OfferRole.DOWNSELL,
            "Down", CatalogPrice.of(DEMO, OfferId.of("down"), Money.of(700, "USD"), null, null), null);
    private static final List<PostPurchaseStep> PATH = List.of(UP, DOWN);

    private static PostPurchasePolicy.Decided d(int step, PostPurchaseDecision decision) {
        return new PostPurchasePolicy.Decided(step, decision);
    }

    @Test
    void theUpsellFirstAndUntilItIsAnswered() {
        assertThat(PostPurchasePolicy.next(PATH, List.of())).contains(UP);
        assertThat(PostPurchasePolicy.next(PATH, List.of(d(1, SHOWN)))).contains(UP);
    }

    @Test
    void theDownsellOnceTheUpsellIsDeclined() {
        assertThat(PostPurchasePolicy.next(PATH, List.of(d(1, SHOWN), d(1, DECLINED)))).contains(DOWN);
        assertThat(PostPurchasePolicy.next(PATH, List.of(d(1, SHOWN), d(1, DECLINED), d(2, SHOWN)))).contains(DOWN);
    }

    @Test
    void noneOnceAnOfferIsAcceptedOrTheLastDeclined() {
        assertThat(PostPurchasePolicy.next(PATH, List.of(d(1, SHOWN), d(1, ACCEPTED)))).isEmpty();
        assertThat(PostPurchasePolicy.next(PATH, List.of(d(1, SHOWN), d(1, DECLINED), d(2, SHOWN), d(2, DECLINED))))
                .isEmpty();
        assertThat(PostPurchasePolicy.next(List.of(), List.of())).isEmpty();
    }

    @Test
    void theAcceptPhraseNamesTheOfferAndItsPrice() {
        assertThat(PostPurchasePolicy.phraseToAccept(DOWN)).isEqualTo("Accept downsell Down at 7.00 USD");
    }
}
