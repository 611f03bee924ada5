package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.stripe.StripeProperties;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Checks {@code Stripe-Signature} with stripe-java's verifier against every configured secret (comma-separated,
 * for rotation; any matching v1 passes). stripe-java only refuses old timestamps, so timestamps too far in the
 * future are refused here as well.
 */
@Component
public class WebhookSignature {
    public enum Result {
        VERIFIED, NOT_CONFIGURED, INVALID
    }

    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    public WebhookSignature(StripeProperties stripe, WebhookProperties webhooks, Clock clock) {
        this.secrets = stripe.webhookSecret() == null ? List.of()
                : Arrays.stream(stripe.webhookSecret().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.toleranceSeconds = webhooks.signatureTolerance().toSeconds();
        this.clock = clock;
    }

    public Result verify(String payload, String header) {
        if (secrets.isEmpty()) {
            return Result.NOT_CONFIGURED;
        }
        if (header == null || header.isBlank() || header.length() > 2048) {
            return Result.INVALID;
        }
        Long timestamp = timestamp(header);
        if (timestamp == null || timestamp - clock.instant().getEpochSecond() > toleranceSeconds) {
            return Result.INVALID;
        }
        for (String secret : secrets) {
            try {
                if (Webhook.Signature.verifyHeader(payload, header, secret, toleranceSeconds, clock)) {
                    return Result.VERIFIED;
                }
            } catch (SignatureVerificationException | RuntimeException e) {
                // try the next secret; malformed headers end as INVALID below
            }
        }
        return Result.INVALID;
    }

    private static Long timestamp(String header) {
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    return Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
