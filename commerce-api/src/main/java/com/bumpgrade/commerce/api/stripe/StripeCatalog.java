package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Maps a published catalogue price to a Stripe Product and Price through stripe-java. Idempotency keys are derived
 * from the Bumpgrade ids, so a retried publish or sync creates nothing twice; the Stripe ids go only into the
 * private vault (kinds PRODUCT and PRICE), and Stripe's text never leaves this class.
 */
@Component
public class StripeCatalog {
    private static final Logger log = LoggerFactory.getLogger(StripeCatalog.class);

    private final StripeReferenceVault vault;
    private final StripeClient client;

    public StripeCatalog(StripeClientHolder clients, StripeReferenceVault vault) {
        this.vault = vault;
        this.client = clients.client().orElse(null);
    }

    /** What a publish or sync asks for: the Bumpgrade ids and the terms of the price. */
    public record Mapping(String publisherId, CatalogKey productKey, String productId, String productTitle,
                          String offerId, CatalogPrice price) {
    }

    /** True once the price is mapped (now or before); false if Stripe is not configured or failed. */
    public boolean map(Mapping mapping) {
        String priceId = mapping.price().priceId();
        if (vault.find(priceId, StripeReferenceVault.Kind.PRICE).isPresent()) {
            return true;
        }
        if (client == null) {
            return false;
        }
        try {
            String product = product(mapping);
            CatalogPrice terms = mapping.price();
            PriceCreateParams.Builder params = PriceCreateParams.builder()
                    .setProduct(product)
                    .setCurrency(terms.amount().currency().toLowerCase(Locale.ROOT))
                    .setUnitAmount(terms.amount().amountMinor())
                    .putMetadata("bumpgrade_price_id", priceId)
                    .putMetadata("bumpgrade_offer_id", mapping.offerId())
                    .putMetadata("bumpgrade_publisher_id", mapping.publisherId());
            if (terms.recurring()) {
                params.setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.valueOf(
                                terms.interval().toUpperCase(Locale.ROOT)))
                        .setIntervalCount((long) terms.intervalCount())
                        .build());
            }
            Price price = client.v1().prices().create(params.build(), RequestOptions.builder()
                    .setIdempotencyKey("bumpgrade-price-" + priceId).build());
            if (price == null || price.getId() == null) {
                log.warn("Stripe answered the Price of {} without an id", priceId);
                return false;
            }
            vault.put(priceId, StripeReferenceVault.Kind.PRICE, price.getId());
            return true;
        } catch (StripeException e) {
            log.warn("Stripe did not map price {}: {} (HTTP {})", priceId,
                    StripeCheckoutSessions.classify(e).name().toLowerCase(Locale.ROOT), e.getStatusCode());
            return false;
        } catch (RuntimeException e) {
            log.warn("Stripe answered the mapping of price {} with an unreadable body", priceId);
            return false;
        }
    }

    private String product(Mapping mapping) throws StripeException {
        String key = mapping.productKey().value();
        Optional<String> known = vault.find(key, StripeReferenceVault.Kind.PRODUCT);
        if (known.isPresent()) {
            return known.get();
        }
        Product product = client.v1().products().create(ProductCreateParams.builder()
                .setName(mapping.productTitle())
                .putMetadata("bumpgrade_product_id", mapping.productId())
                .putMetadata("bumpgrade_publisher_id", mapping.publisherId())
                .build(), RequestOptions.builder().setIdempotencyKey("bumpgrade-product-" + key).build());
        if (product == null || product.getId() == null) {
            throw new IllegalStateException("no product id");
        }
        vault.put(key, StripeReferenceVault.Kind.PRODUCT, product.getId());
        return product.getId();
    }
}
