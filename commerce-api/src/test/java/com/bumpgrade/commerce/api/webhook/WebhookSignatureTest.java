package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.WebhookTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Only signature-verified Stripe v1 events get in; everything else is a JSON 400 and changes nothing. */
class WebhookSignatureTest extends WebhookTest {

    private long deliveries() {
        return jdbc.queryForObject("SELECT count(*) FROM stripe_webhook_delivery", Long.class);
    }

    private long receivedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%StripeEventReceived");
    }

    private void assertRefusedAndNothingChanged(ApiClient.Response response, String code, long deliveries,
                                                long events) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(deliveries()).isEqualTo(deliveries);
        assertThat(receivedEvents()).isEqualTo(events);
    }

    @Test
    void badMissingStaleAndFutureSignaturesAreRefused() {
        String intent = openIntent();
        String payload = completed(intent);
        long now = Instant.now().getEpochSecond();
        long deliveries = deliveries();
        long events = receivedEvents();

        assertRefusedAndNothingChanged(api().post("/api/commerce/stripe/webhook")
                .header("Content-Type", "application/json").json(payload).send(), "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, StripeEvents.signature(payload, "whsec_wrongSecret123", now)),
                "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, StripeEvents.signature(payload, StripeEvents.SECRET, now - 360)),
                "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, StripeEvents.signature(payload, StripeEvents.SECRET, now + 360)),
                "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, "t=abc,v1=00"), "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, "garbage"), "invalid_signature", deliveries, events);
        assertRefusedAndNothingChanged(deliver(payload, StripeEvents.signature(payload).replace("v1=", "v0=")),
                "invalid_signature", deliveries, events);
        String tampered = payload.replace("\"amount_total\":900", "\"amount_total\":1");
        assertThat(tampered).isNotEqualTo(payload);
        assertRefusedAndNothingChanged(deliver(tampered, StripeEvents.signature(payload)), "invalid_signature",
                deliveries, events);
        awaitIntent(intent, "open");
    }

    @Test
    void garbageBodiesAreRefusedEvenWhenSigned() {
        long deliveries = deliveries();
        long events = receivedEvents();
        for (String garbage : new String[]{"", "not json", "[]", "{}", "{\"object\":\"event\"}",
                "{\"id\":\"evt_1\",\"object\":\"charge\",\"type\":\"x\",\"created\":1,\"data\":{\"object\":{}}}",
                "{\"id\":\"nope\",\"object\":\"event\",\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":{}}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.refunded\",\"created\":\"x\",\"data\":{\"object\":{}}}",
                "\u0000\u0001\u0002binary"}) {
            ApiClient.Response response = deliver(garbage);
            assertThat(response.status()).as("body %s -> %s", garbage, response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isIn("not_a_stripe_event", "invalid_signature");
        }
        assertThat(deliveries()).isEqualTo(deliveries);
        assertThat(receivedEvents()).isEqualTo(events);
    }

    /** Signed, but a field has the wrong JSON type: jackson's asText() would have turned 7 into "7". */
    @Test
    void signedEventsWithWronglyTypedShapeFieldsAreRefused() {
        long deliveries = deliveries();
        long events = receivedEvents();
        String data = "\"data\":{\"object\":{}}";
        for (String body : new String[]{
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":7,\"created\":1," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":true,\"created\":1," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":[\"x\"],\"created\":1," + data + "}",
                "{\"id\":[\"evt_1\"],\"object\":\"event\",\"type\":\"x\",\"created\":1," + data + "}",
                "{\"id\":\"evt_1\",\"object\":[\"event\"],\"type\":\"x\",\"created\":1," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":\"1\"," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":1.5," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":true," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":1,\"data\":{\"object\":[]}}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":1,\"livemode\":\"true\"," + data + "}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":1,\"api_version\":7," + data + "}"}) {
            ApiClient.Response response = deliver(body);
            assertThat(response.status()).as("body %s -> %s", body, response.body()).isEqualTo(400);
            assertThat(response.errorCode()).as(body).isEqualTo("not_a_stripe_event");
        }
        assertThat(deliveries()).isEqualTo(deliveries);
        assertThat(receivedEvents()).isEqualTo(events);
    }

    @Test
    void anyConfiguredSecretVerifiesDuringRotation() {
        String payload = completed(openIntent());
        ApiClient.Response response = deliver(payload,
                StripeEvents.signature(payload, StripeEvents.ROTATED_SECRET, Instant.now().getEpochSecond()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("verified").asBoolean()).isTrue();
        // two v1 signatures, only the second valid, as Stripe sends while rolling a secret
        String other = completed(openIntent());
        long now = Instant.now().getEpochSecond();
        String header = StripeEvents.signature(other, "whsec_unknownOldSecret99", now) + ","
                + StripeEvents.signature(other, StripeEvents.SECRET, now).split(",")[1];
        assertThat(deliver(other, header).status()).isEqualTo(200);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"id\":\"evt_big\",\"object\":\"event\",\"pad\":\"" + "x".repeat(600 * 1024) + "\"}";
        ApiClient.Response response = deliver(big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("body_too_large");
    }
}
