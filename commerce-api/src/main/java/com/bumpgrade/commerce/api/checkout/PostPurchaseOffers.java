package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.catalog.PostPurchasePaths;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecision;
import com.bumpgrade.commerce.domain.checkout.PostPurchasePolicy;
import com.bumpgrade.commerce.domain.checkout.RecordPostPurchaseDecision;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.checkout.WhichPostPurchasePathHasCheckoutIntent;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import com.bumpgrade.commerce.projections.checkout.PostPurchaseEntry;
import com.bumpgrade.commerce.projections.checkout.PostPurchasePathOfIntent;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The post-purchase path of a paid checkout (D88): which offer to show next, and the agent's or owner's record of
 * what the buyer did with it, as evidence on the intent. No Stripe call, no charge, no grant (D89). The intent's
 * path is the one its first decision fixed, before that the main offer's path in the catalogue now.
 */
@Service
public class PostPurchaseOffers {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PostPurchasePaths paths;
    private final Clock clock;

    public PostPurchaseOffers(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                              PostPurchasePaths paths, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.paths = paths;
        this.clock = clock;
    }

    @Schema(name = "PostPurchaseDecisionRequest")
    public record DecisionRequest(@Schema(requiredMode = REQUIRED, example = "launch-coaching") String offerId,
                                  @Schema(requiredMode = REQUIRED, allowableValues = {"shown", "accepted",
                                          "declined"}) String decision,
                                  @Schema(description = "For 'accepted' only: the exact phrase of the preview, "
                                          + "which names the offer and its price") String confirmation) {
    }

    @Schema(name = "PostPurchaseOffer", description = "An offer of the path, to show to the buyer")
    public record Offer(@Schema(requiredMode = REQUIRED) int step,
                        @Schema(requiredMode = REQUIRED, allowableValues = {"upsell", "downsell"}) String kind,
                        @Schema(requiredMode = REQUIRED) String offerId,
                        @Schema(requiredMode = REQUIRED) String title,
                        @Schema(requiredMode = REQUIRED) CheckoutIntentView.Amount price) {
    }

    @Schema(name = "PostPurchaseNext", description = "The offer to show now; next is null when there is none, "
            + "and reason says why")
    public record Next(@Schema(requiredMode = REQUIRED) String checkoutIntentId,
                       @Schema(requiredMode = REQUIRED) String status,
                       @Schema(requiredMode = REQUIRED, description = "The intent's version: the If-Match of a "
                               + "decision") long version,
                       @JsonInclude(JsonInclude.Include.ALWAYS)
                       @Schema(requiredMode = REQUIRED, nullable = true) Offer next,
                       @Schema(nullable = true, allowableValues = {"checkout_not_paid", "no_path", "path_ended"})
                       String reason) {
    }

    @Schema(name = "PostPurchaseDecisionRecorded", description = "Recorded as evidence; nothing was charged")
    public record Recorded(@Schema(requiredMode = REQUIRED, allowableValues = "recorded") String status,
                           @Schema(requiredMode = REQUIRED) String checkoutIntentId,
                           @Schema(requiredMode = REQUIRED) Offer offer,
                           @Schema(requiredMode = REQUIRED, allowableValues = {"shown", "accepted", "declined"})
                           String decision,
                           @JsonInclude(JsonInclude.Include.ALWAYS)
                           @Schema(requiredMode = REQUIRED, nullable = true, description = "The offer to show now")
                           Offer next) {
    }

    @Schema(name = "PostPurchaseDecisionPreviewFields")
    public record PreviewFields(@Schema(requiredMode = REQUIRED) String checkoutIntentId,
                                @Schema(requiredMode = REQUIRED) Offer offer,
                                @Schema(requiredMode = REQUIRED) String decision) {
    }

    /** The path the intent follows and what was decided on it. */
    private record Progress(List<PostPurchaseStep> path, List<PostPurchasePolicy.Decided> decided) {
        Optional<PostPurchaseStep> next() {
            return PostPurchasePolicy.next(path, decided);
        }

        /** A path without its first step (its upsell archived since) shows nothing, as no path. */
        boolean hasStart() {
            return path.stream().anyMatch(step -> step.step() == 1);
        }
    }

    public Next next(ApiCaller caller, String checkoutIntentId) {
        CheckoutIntentView intent = intent(caller, checkoutIntentId);
        if (!CheckoutStatus.PAID.publicName().equals(intent.status())) {
            return new Next(intent.checkoutIntentId(), intent.status(), intent.version(), null, "checkout_not_paid");
        }
        Progress progress = progress(caller, intent);
        Optional<PostPurchaseStep> next = progress.next();
        String reason = next.isPresent() ? null : progress.hasStart() ? "path_ended" : "no_path";
        return new Next(intent.checkoutIntentId(), intent.status(), intent.version(),
                next.map(PostPurchaseOffers::offer).orElse(null), reason);
    }

    public WriteOutcome decide(ApiCaller caller, HttpHeaders headers, String checkoutIntentId,
                               DecisionRequest request) {
        CheckoutIntentId id = intentId(checkoutIntentId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("checkout.post_purchase:" + id.value(), request),
                write -> {
                    CheckoutIntentView intent = intent(caller, checkoutIntentId);
                    OfferId offerId = offerId(request.offerId());
                    PostPurchaseDecision decision = decision(request.decision());
                    PostPurchasePolicy.requirePaid(CheckoutStatus.PAID.publicName().equals(intent.status()));
                    // the aggregate's rule, here too, so a refused decision is never previewed
                    Progress progress = progress(caller, intent);
                    PostPurchaseStep step = PostPurchasePolicy.check(progress.path(), progress.decided(), offerId,
                            decision);
                    Offer offer = offer(step);
                    // only an acceptance is the buyer's yes to a price; shown and declined are confirmed as given
                    String phrase = decision == PostPurchaseDecision.ACCEPTED ? PostPurchasePolicy.phraseToAccept(step)
                            : "Record " + step.role().publicName() + " " + step.title() + " " + decision.publicName();
                    String given = decision == PostPurchaseDecision.ACCEPTED ? request.confirmation() : phrase;
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("checkoutIntentId", intent.checkoutIntentId());
                    fields.put("offer", offer);
                    fields.put("decision", decision.publicName());
                    return ConfirmedAction.of(phrase, given, fields, () -> {
                        commands.sendAndWait(new RecordPostPurchaseDecision(id, caller.publisher(),
                                write.expectedVersion(), progress.path(), offerId, decision, request.confirmation(),
                                write.context(), clock.instant()));
                        List<PostPurchasePolicy.Decided> after = new ArrayList<>(progress.decided());
                        after.add(new PostPurchasePolicy.Decided(step.step(), decision));
                        return WriteResult.done(HttpStatus.OK, new Recorded("recorded", intent.checkoutIntentId(),
                                offer, decision.publicName(), PostPurchasePolicy.next(progress.path(), after)
                                .map(PostPurchaseOffers::offer).orElse(null)));
                    });
                });
    }

    private Progress progress(ApiCaller caller, CheckoutIntentView intent) {
        Optional<PostPurchasePathOfIntent> fixed = queries.query(new WhichPostPurchasePathHasCheckoutIntent(
                        CheckoutIntentId.of(intent.checkoutIntentId()), caller.publisher()),
                ResponseTypes.optionalInstanceOf(PostPurchasePathOfIntent.class)).join();
        if (fixed.isPresent()) {
            return new Progress(fixed.get().path(), decided(fixed.get().decisions()));
        }
        return new Progress(paths.current(caller, OfferId.of(intent.offerId())), List.of());
    }

    private static List<PostPurchasePolicy.Decided> decided(List<PostPurchaseEntry> entries) {
        return entries.stream().map(e -> new PostPurchasePolicy.Decided(e.step(),
                PostPurchaseDecision.parse(e.decision()))).toList();
    }

    /** The caller's publisher's intent; a missing or another publisher's one is the same 404. */
    private CheckoutIntentView intent(ApiCaller caller, String checkoutIntentId) {
        return queries.query(new WhatIsCheckoutIntent(intentId(checkoutIntentId), caller.publisher()),
                ResponseTypes.optionalInstanceOf(CheckoutIntentView.class)).join().orElseThrow(ApiException::notFound);
    }

    private static CheckoutIntentId intentId(String value) {
        if (!CheckoutIntentId.isWellFormed(value)) {
            throw ApiException.notFound();
        }
        return CheckoutIntentId.of(value);
    }

    private static OfferId offerId(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_field", "Field 'offerId' is required.");
        }
        try {
            return OfferId.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "Field 'offerId' is not a valid offer id.");
        }
    }

    private static PostPurchaseDecision decision(String value) {
        try {
            return PostPurchaseDecision.parse(value);
        } catch (BillingRuleViolation e) {
            throw ApiException.badRequest("invalid_decision", e.getMessage());
        }
    }

    private static Offer offer(PostPurchaseStep step) {
        return new Offer(step.step(), step.role().publicName(), step.offerId().value(), step.title(),
                new CheckoutIntentView.Amount(step.price().amount().amountMinor(), step.price().amount().currency(),
                        step.price().display()));
    }
}
