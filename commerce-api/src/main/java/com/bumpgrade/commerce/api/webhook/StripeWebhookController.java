package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.web.AlreadyAnsweredHandler;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/** {@code POST /api/commerce/stripe/webhook}: the raw body is read here, never bound to an object. */
@Tag(name = "webhooks")
@RestController
public class StripeWebhookController {
    static final int MAX_BODY = 512 * 1024;

    private final WebhookIntake intake;

    public StripeWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @Operation(operationId = "receiveStripeWebhook", summary = "Stripe's webhook endpoint: answers 200 once the "
            + "event is durable", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "A Stripe v1 event, read raw, byte for byte", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @Parameter(in = ParameterIn.HEADER, name = "Stripe-Signature", description = "Checked against each configured "
            + "webhook secret; required when a secret is set", schema = @Schema(type = "string", maxLength = 2048))
    @ApiResponse(responseCode = "200", description = "Durable (or a redelivery, which changes nothing)",
            content = @Content(schema = @Schema(implementation = WebhookSchemas.Received.class)))
    @ErrorCodes(status = 400, value = {"invalid_signature", "not_a_stripe_event"})
    @ErrorCodes(status = 413, value = "body_too_large")
    @ErrorCodes(status = 500, value = "internal_error")
    @PostMapping(path = "/api/commerce/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> receive(ServerWebExchange exchange) {
        String signature = exchange.getRequest().getHeaders().getFirst("Stripe-Signature");
        // The whole body is read (and an oversized one discarded as it streams) before answering, so the
        // sender always gets the 413 instead of a reset connection.
        return exchange.getRequest().getBody()
                .reduce(new BoundedBody(), BoundedBody::add)
                .onErrorResume(e -> AlreadyAnsweredHandler.answeredByServer(exchange), e -> Mono.empty())
                .defaultIfEmpty(new BoundedBody())
                .publishOn(Schedulers.boundedElastic())
                // a body that ended early because the server already refused it gets no second answer
                .flatMap(body -> AlreadyAnsweredHandler.answeredByServer(exchange)
                        ? Mono.<Map<String, Object>>empty()
                        : Mono.just(intake.receive(body.bytes(), signature)));
    }

    /** Collects up to {@link #MAX_BODY} bytes and remembers whether more arrived. */
    static final class BoundedBody {
        /** Past this, stop draining and let the connection drop: nobody sends Stripe events this large. */
        private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean tooLarge;
        private long seen;

        BoundedBody add(DataBuffer buffer) {
            try {
                int readable = buffer.readableByteCount();
                seen += readable;
                if (seen > DRAIN_LIMIT) {
                    throw WebhookIntake.tooLarge();
                }
                if (!tooLarge && bytes.size() + readable <= MAX_BODY) {
                    byte[] chunk = new byte[readable];
                    buffer.read(chunk);
                    bytes.writeBytes(chunk);
                } else {
                    tooLarge = true;
                }
                return this;
            } finally {
                DataBufferUtils.release(buffer);
            }
        }

        byte[] bytes() {
            if (tooLarge) {
                throw WebhookIntake.tooLarge();
            }
            return bytes.toByteArray();
        }
    }
}
