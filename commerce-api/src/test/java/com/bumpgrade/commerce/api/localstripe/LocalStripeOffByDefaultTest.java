package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the local-stripe profile there is no stand-in: the service talks to STRIPE_API_BASE only. */
class LocalStripeOffByDefaultTest extends ServiceTest {
    @Autowired
    ApplicationContext context;

    @Test
    void noStandInWithoutTheProfile() {
        assertThat(context.getBeanNamesForType(LocalStripeServer.class)).isEmpty();
    }
}
