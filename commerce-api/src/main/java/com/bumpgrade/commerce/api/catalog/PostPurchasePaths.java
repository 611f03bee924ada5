package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.OfferStatus;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseOffer;
import com.bumpgrade.commerce.domain.catalog.PostPurchasePathPolicy;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.catalog.SetPostPurchasePath;
import com.bumpgrade.commerce.domain.catalog.WhatIsCatalogOffer;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A main offer's post-purchase path (D87): the owner's confirmed write of its upsell and downsell, and the path as
 * the catalogue has it now, with each offer's title and price, for the checkout's post-purchase routes. A seeded
 * main offer is adopted first, as for every catalogue write (D75). Blocking: callers run it off the event loop.
 */
@Service
public class PostPurchasePaths {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CatalogService catalog;
    private final Clock clock;

    public PostPurchasePaths(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                             CatalogService catalog, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Schema(name = "PostPurchasePathRequest", description = "An upsell, and a downsell shown if it is declined; "
            + "neither: no path")
    public record Request(@Schema(description = "An upsell offer of the publisher", example = "launch-coaching")
                          String upsellOfferId,
                          @Schema(description = "A downsell offer, shown when the upsell is declined",
                                  example = "launch-workbook") String downsellOfferId,
                          @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
                          String confirmation) {
    }

    @Schema(name = "PostPurchasePathPreviewFields")
    public record PreviewFields(@Schema(requiredMode = REQUIRED) String offerId,
                                @Schema(requiredMode = REQUIRED) List<CatalogOfferView.PathStep> postPurchasePath) {
    }

    @Schema(name = "PostPurchasePathSet", description = "The main offer's path now")
    public record PathSet(@Schema(requiredMode = REQUIRED, allowableValues = {"set", "cleared"}) String status,
                      @Schema(requiredMode = REQUIRED) String offerId,
                      @Schema(requiredMode = REQUIRED) List<CatalogOfferView.PathStep> postPurchasePath) {
    }

    public WriteOutcome set(ApiCaller caller, HttpHeaders headers, String offerId, Request request) {
        OfferId id = CatalogService.pathId(offerId);
        return envelope.submit(caller, headers,
                WriteRequest.onRecord("catalog.post_purchase_path:" + id.value(), request), write -> {
                    CatalogOfferView main = catalog.offer(caller, id);
                    PostPurchaseOffer upsell = pathOffer(caller, request.upsellOfferId(), "upsellOfferId");
                    PostPurchaseOffer downsell = pathOffer(caller, request.downsellOfferId(), "downsellOfferId");
                    // the rule the aggregate applies, here too, so a refused path is never previewed
                    List<PostPurchaseStep> steps = PostPurchasePathPolicy.steps(caller.publisher(),
                            OfferRole.parse(main.role()), CatalogService.price(main), upsell, downsell);
                    List<CatalogOfferView.PathStep> shown = steps.stream().map(PostPurchasePaths::view).toList();
                    return ConfirmedAction.of(PostPurchasePathPolicy.phrase(main.title(), steps),
                            request.confirmation(), Map.of("offerId", main.offerId(),
                                    "postPurchasePath", shown), () -> {
                                catalog.adoptIfSeeded(write, main);
                                commands.sendAndWait(new SetPostPurchasePath(CatalogKey.ofOffer(caller.publisher(),
                                        id), caller.publisher(), write.expectedVersion(), upsell, downsell,
                                        request.confirmation(), write.context(), clock.instant()));
                                return WriteResult.done(HttpStatus.OK, new PathSet(steps.isEmpty() ? "cleared" : "set",
                                        main.offerId(), shown));
                            });
                });
    }

    /**
     * The main offer's path as the catalogue has it now, each step with its offer's title and price; a step whose
     * offer is no longer published (archived since) is left out, so it is never shown to a buyer.
     */
    public List<PostPurchaseStep> current(ApiCaller caller, OfferId mainOffer) {
        Optional<CatalogOfferView> main = find(caller, mainOffer);
        List<PostPurchaseStep> steps = new ArrayList<>();
        for (CatalogOfferView.PathStep step : main.map(CatalogOfferView::postPurchasePath).orElse(List.of())) {
            find(caller, OfferId.of(step.offerId())).filter(o -> o.price() != null)
                    .filter(o -> OfferStatus.PUBLISHED.publicName().equals(o.status())).ifPresent(offer ->
                    steps.add(new PostPurchaseStep(step.step(), OfferId.of(offer.offerId()),
                            OfferRole.parse(step.role()), offer.title(), CatalogService.price(offer),
                            step.onDeclineStep())));
        }
        return List.copyOf(steps);
    }

    private Optional<CatalogOfferView> find(ApiCaller caller, OfferId offer) {
        return queries.query(new WhatIsCatalogOffer(caller.publisher(), offer),
                ResponseTypes.optionalInstanceOf(CatalogOfferView.class)).join();
    }

    /** An offer named for the path; another publisher's answers like a missing one. */
    private PostPurchaseOffer pathOffer(ApiCaller caller, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OfferId id;
        try {
            id = OfferId.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is not a valid offer id.");
        }
        CatalogOfferView offer = find(caller, id).filter(o -> o.price() != null).orElseThrow(() ->
                new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_path_offer",
                        "Offer '" + value + "' is not in this publisher's catalogue."));
        return new PostPurchaseOffer(caller.publisher(), id, offer.title(), OfferRole.parse(offer.role()),
                OfferStatus.valueOf(offer.status().toUpperCase(Locale.ROOT)), CatalogService.price(offer));
    }

    private static CatalogOfferView.PathStep view(PostPurchaseStep step) {
        return new CatalogOfferView.PathStep(step.step(), step.offerId().value(), step.role().publicName(),
                step.onDeclineStep());
    }
}
