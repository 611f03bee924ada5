package com.bumpgrade.commerce.api;

import com.bumpgrade.commerce.api.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

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
        if (args.length > 0 && args[0].equals("replay")) {
            // the operators' audit replay: no service, just the replay against a database
            ReplayCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(CommerceApplication.class, args);
    }
}
