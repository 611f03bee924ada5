package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** Owner and auditor routes over Stripe webhook evidence and the dead-letter queue. */
@RestController
@RequestMapping(path = "/api/commerce/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookEvidenceController {
    private final WebhookEvidenceService evidence;

    public WebhookEvidenceController(WebhookEvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/webhook-events")
    public Mono<Map<String, List<WebhookEvidenceView>>> list(@RequestParam(required = false) String status,
                                                             @RequestParam(required = false) String type,
                                                             @RequestParam(defaultValue = "100") int limit,
                                                             ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> Map.of("events", evidence.list(caller, status, type, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/dead-letters")
    public Mono<Map<String, List<WebhookEvidenceView>>> deadLetters(@RequestParam(defaultValue = "100") int limit,
                                                                    ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> Map.of("deadLetters", evidence.deadLetters(caller, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping(path = "/webhook-events/{evidenceId}/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> redrive(@PathVariable String evidenceId, @RequestBody RedriveRequest request,
                                           ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        evidence.redrive(caller, exchange.getRequest().getHeaders(), evidenceId, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
