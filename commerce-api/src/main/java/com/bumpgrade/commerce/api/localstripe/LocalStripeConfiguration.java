package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.stripe.StripeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.net.URI;

/**
 * The local-stripe profile (decision D68): an in-process Stripe stand-in for running the walk-through without a
 * Stripe account. Nothing here exists unless the profile is active, and the service refuses to start with it when
 * the Stripe settings could reach a real Stripe account ({@link LocalStripeGuard}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local-stripe")
public class LocalStripeConfiguration {

    @Bean(destroyMethod = "close")
    LocalStripeServer localStripeServer(StripeProperties stripe, Environment environment,
                                        @Value("${bumpgrade.local-stripe.port:12111}") int port) {
        LocalStripeGuard.refusal(stripe, LocalStripeServer.baseUrl(port)).ifPresent(reason -> {
            throw new IllegalStateException("local-stripe profile refused: " + reason);
        });
        StripeStandIn standIn = new StripeStandIn(LocalStripeServer.baseUrl(port) + "/c/pay/",
                LocalStripeServer.baseUrl(port) + "/p/session/", "The local Stripe stand-in cannot do this");
        // the service's own port is known only once its web server runs, after this bean
        StandInWebhooks webhooks = new StandInWebhooks(standIn, () -> URI.create("http://127.0.0.1:"
                + environment.getProperty("local.server.port") + "/api/commerce/stripe/webhook"),
                LocalStripeGuard.signingSecret(stripe));
        return new LocalStripeServer(port, standIn, webhooks);
    }
}
