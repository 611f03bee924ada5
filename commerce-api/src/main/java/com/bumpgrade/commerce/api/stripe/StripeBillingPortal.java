package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.billingportal.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.billingportal.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Creates Stripe Customer Portal sessions. The short-lived portal URL goes straight into the private vault; the
 * caller only learns whether it worked.
 */
@Component
public class StripeBillingPortal {
    private static final Logger log = LoggerFactory.getLogger(StripeBillingPortal.class);

    private final StripeClientHolder clients;
    private final StripeReferenceVault vault;

    public StripeBillingPortal(StripeClientHolder clients, StripeReferenceVault vault) {
        this.clients = clients;
        this.vault = vault;
    }

    /** True when a portal session exists and its URL is stored under the session's id. */
    public boolean open(PortalSessionId portalSession, String stripeCustomer, String returnUrl) {
        StripeClient client = clients.client().orElse(null);
        if (client == null) {
            return false;
        }
        try {
            Session session = client.v1().billingPortal().sessions().create(SessionCreateParams.builder()
                            .setCustomer(stripeCustomer)
                            .setReturnUrl(returnUrl)
                            .build(),
                    RequestOptions.builder().setIdempotencyKey("bumpgrade-portal-" + portalSession.value()).build());
            if (session == null || session.getUrl() == null) {
                return false;
            }
            vault.put(portalSession.value(), StripeReferenceVault.Kind.PORTAL_URL, session.getUrl());
            return true;
        } catch (StripeException e) {
            log.warn("Customer Portal session {} failed: {} (HTTP {})", portalSession.value(),
                    StripeCheckoutSessions.classify(e).name().toLowerCase(Locale.ROOT), e.getStatusCode());
            return false;
        } catch (RuntimeException e) {
            log.warn("Customer Portal session {} failed: unreadable answer", portalSession.value());
            return false;
        }
    }
}
