package com.bumpgrade.commerce.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Bumpgrade Commerce service. Scans the projections module too: its handlers are Spring components. */
// Bearer tokens are the only credentials (SecurityConfiguration): no generated user and password.
@SpringBootApplication(scanBasePackages = "com.bumpgrade.commerce",
        exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("com.bumpgrade.commerce.api")
@EnableScheduling
public class CommerceApplication {
    public static void main(String[] args) {
        // Axon 4.12+ reports anonymous usage data unless told not to; a billing back end sends nothing unasked.
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(CommerceApplication.class, args);
    }
}
