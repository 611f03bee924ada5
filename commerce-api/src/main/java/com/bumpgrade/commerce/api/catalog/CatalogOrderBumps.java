package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.CatalogConfirmationPolicy;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.OrderBumpListPolicy;
import com.bumpgrade.commerce.domain.catalog.SetOrderBumps;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's list of order bumps of a main offer (D90): confirmed, idempotent and stale-state checked through the
 * envelope, like every catalogue write. Each bump must be an order-bump offer of the caller's own publisher; another
 * publisher's offer is as unknown as a missing one. Blocking: callers run it off the event loop.
 */
@Service
public class CatalogOrderBumps {
    private final BillingWriteEnvelope envelope;
    private final CatalogService catalogue;
    private final Catalog catalog;
    private final CommandGateway commands;
    private final Clock clock;

    public CatalogOrderBumps(BillingWriteEnvelope envelope, CatalogService catalogue, Catalog catalog,
                             CommandGateway commands, Clock clock) {
        this.envelope = envelope;
        this.catalogue = catalogue;
        this.catalog = catalog;
        this.commands = commands;
        this.clock = clock;
    }

    public WriteOutcome set(ApiCaller caller, HttpHeaders headers, String offerId, CatalogRequests.OrderBumps request) {
        OfferId id = CatalogService.pathId(offerId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("catalog.order_bumps:" + id.value(), request),
                write -> {
                    List<OfferId> bumps = bumps(request);
                    CatalogOfferView offer = catalogue.offer(caller, id);
                    // the aggregate checks these again; here they are refused in the preview too
                    OrderBumpListPolicy.require(id, OfferRole.parse(offer.role()), bumps);
                    for (OfferId bump : bumps) {
                        if (!catalog.isListableOrderBump(caller.publisher(), bump)) {
                            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_order_bump",
                                    "Offer '" + bump.value() + "' is no order-bump offer of this publisher.");
                        }
                    }
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("offerId", offer.offerId());
                    fields.put("title", offer.title());
                    fields.put("orderBumpOfferIds", bumps.stream().map(OfferId::value).toList());
                    return ConfirmedAction.of(CatalogConfirmationPolicy.setOrderBumps(offer.title(), bumps),
                            request.confirmation(), fields, () -> {
                                catalogue.adoptIfSeeded(write, offer);
                                commands.sendAndWait(new SetOrderBumps(CatalogKey.ofOffer(caller.publisher(), id),
                                        caller.publisher(), bumps, write.expectedVersion(), request.confirmation(),
                                        write.context(), clock.instant()));
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("status", "set");
                                body.put("offerId", offer.offerId());
                                body.put("orderBumpOfferIds", fields.get("orderBumpOfferIds"));
                                return WriteResult.done(HttpStatus.OK, body);
                            });
                });
    }

    private static List<OfferId> bumps(CatalogRequests.OrderBumps request) {
        if (request.orderBumpOfferIds() == null) {
            throw ApiException.badRequest("invalid_field", "Field 'orderBumpOfferIds' is required.");
        }
        List<OfferId> bumps = new ArrayList<>();
        for (String bump : request.orderBumpOfferIds()) {
            try {
                bumps.add(OfferId.of(bump));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("invalid_field", "Field 'orderBumpOfferIds' holds an invalid offer id.");
            }
        }
        return List.copyOf(bumps);
    }
}
