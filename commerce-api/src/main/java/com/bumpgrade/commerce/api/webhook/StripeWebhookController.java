package com.bumpgrade.commerce.api.webhook;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** {@code POST /api/commerce/stripe/webhook}: the raw body is read here, never bound to an object. */
@RestController
public class StripeWebhookController {
    static final int MAX_BODY = 512 * 1024;

    private final WebhookIntake intake;

    public StripeWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/commerce/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> receive(ServerWebExchange exchange) {
        String signature = exchange.getRequest().getHeaders().getFirst("Stripe-Signature");
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY)
                .map(StripeWebhookController::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> WebhookIntake.tooLarge())
                .publishOn(Schedulers.boundedElastic())
                .map(body -> intake.receive(body, signature));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
