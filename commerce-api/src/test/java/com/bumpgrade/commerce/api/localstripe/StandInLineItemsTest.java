package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.support.FakeStripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.LineItem;
import com.stripe.model.Price;
import com.stripe.model.checkout.Session;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stand-in answers optional items and a session's line items in Stripe's shapes, read here by stripe-java
 * itself: what the session offers, and what it sold once the buyer ticked an item.
 */
class StandInLineItemsTest {
    private final FakeStripe stripe = FakeStripe.shared();
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_standin")
            .setApiBase(stripe.baseUrl()).build();

    private Price bumpPrice(String offerId) throws StripeException {
        String product = client.v1().products().create(ProductCreateParams.builder().setName("Workbook").build())
                .getId();
        return client.v1().prices().create(PriceCreateParams.builder().setProduct(product).setCurrency("usd")
                .setUnitAmount(500L).putMetadata("bumpgrade_offer_id", offerId).build());
    }

    private Session session(String intent, Price bump) throws StripeException {
        return client.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setClientReferenceId(intent)
                .setSuccessUrl("http://127.0.0.1/ok").setCancelUrl("http://127.0.0.1/no")
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(2L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd")
                                .setUnitAmount(900L).setProductData(SessionCreateParams.LineItem.PriceData
                                        .ProductData.builder().setName("Launch pass").build()).build()).build())
                .addOptionalItem(SessionCreateParams.OptionalItem.builder().setPrice(bump.getId()).setQuantity(1L)
                        .build())
                .build());
    }

    @Test
    void aSessionOffersItsOptionalItemsAndSellsOnlyTheMainLineUntilOneIsTicked() throws StripeException {
        String offer = "bump-" + UUID.randomUUID();
        Price bump = bumpPrice(offer);
        String intent = "chk_" + UUID.randomUUID().toString().replace("-", "");

        Session created = session(intent, bump);

        assertThat(created.getAmountTotal()).isEqualTo(1800L);
        assertThat(created.getOptionalItems()).singleElement().satisfies(item -> {
            assertThat(item.getPrice()).isEqualTo(bump.getId());
            assertThat(item.getQuantity()).isEqualTo(1L);
        });
        List<LineItem> sold = client.v1().checkout().sessions().lineItems().list(created.getId()).getData();
        assertThat(sold).singleElement().satisfies(item -> {
            assertThat(item.getObject()).isEqualTo("item");
            assertThat(item.getQuantity()).isEqualTo(2L);
            assertThat(item.getAmountTotal()).isEqualTo(1800L);
            assertThat(item.getPrice().getUnitAmount()).isEqualTo(900L);
            assertThat(item.getPrice().getMetadata()).isEmpty();
        });
    }

    @Test
    void aTickedOptionalItemIsSoldWithItsPriceAndAddsToTheTotal() throws StripeException {
        String offer = "bump-" + UUID.randomUUID();
        Price bump = bumpPrice(offer);
        String intent = "chk_" + UUID.randomUUID().toString().replace("-", "");
        Session created = session(intent, bump);

        stripe.buyerTakes(intent, offer);

        List<LineItem> sold = client.v1().checkout().sessions().lineItems().list(created.getId()).getData();
        assertThat(sold).hasSize(2);
        assertThat(sold.get(1).getPrice().getId()).isEqualTo(bump.getId());
        assertThat(sold.get(1).getPrice().getMetadata()).containsEntry("bumpgrade_offer_id", offer);
        assertThat(sold.get(1).getAmountTotal()).isEqualTo(500L);
        assertThat(client.v1().checkout().sessions().retrieve(created.getId()).getAmountTotal()).isEqualTo(2300L);
        // a second tick of the same item sells nothing more
        assertThatThrownBy(() -> stripe.buyerTakes(intent, offer))
                .isInstanceOf(AssertionError.class);
    }
}
