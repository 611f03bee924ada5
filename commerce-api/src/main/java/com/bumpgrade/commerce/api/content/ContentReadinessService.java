package com.bumpgrade.commerce.api.content;

import com.bumpgrade.commerce.api.asset.ProductAssetService;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.content.AssetState;
import com.bumpgrade.commerce.domain.content.ContentConfirmationPolicy;
import com.bumpgrade.commerce.domain.content.ContentKey;
import com.bumpgrade.commerce.domain.content.ContentLesson;
import com.bumpgrade.commerce.domain.content.ContentModule;
import com.bumpgrade.commerce.domain.content.ContentReadiness;
import com.bumpgrade.commerce.domain.content.ContentReadinessRule;
import com.bumpgrade.commerce.domain.content.ContentStructureRule;
import com.bumpgrade.commerce.domain.content.MarkContentReady;
import com.bumpgrade.commerce.domain.content.SaveContentStructure;
import com.bumpgrade.commerce.domain.content.WhatIsProductContent;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.projections.asset.ProductAssetView;
import com.bumpgrade.commerce.projections.content.ProductContentView;
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
import java.util.Objects;

/**
 * Protected content readiness (D85): the owner's structure of modules and lessons, the readiness computed from the
 * product's assets as they are now, and the confirmed ready mark, which needs a computed {@code ready}. Structure
 * metadata only: no lesson body is stored or served, and nothing here delivers anything. Blocking.
 */
@Service
public class ContentReadinessService {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProductAssetService assets;
    private final Clock clock;

    public ContentReadinessService(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                                   ProductAssetService assets, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.assets = assets;
        this.clock = clock;
    }

    public ContentReadinessView read(ApiCaller caller, String productId) {
        ProductId product = pathProduct(productId);
        assets.requireProduct(caller, product);
        return view(caller, product);
    }

    public WriteOutcome save(ApiCaller caller, HttpHeaders headers, String productId,
                             ContentRequests.Structure request) {
        ProductId product = pathProduct(productId);
        return envelope.submit(caller, headers, WriteRequest.create("content.save:" + product.value(), request),
                write -> {
                    assets.requireProduct(caller, product);
                    List<ContentModule> modules = modules(request.modules());
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("productId", product.value());
                    fields.put("modules", modules.size());
                    fields.put("lessons", modules.stream().mapToInt(m -> m.lessons().size()).sum());
                    return ConfirmedAction.of(ContentConfirmationPolicy.save(product, modules), request.confirmation(),
                            fields, () -> {
                                commands.sendAndWait(new SaveContentStructure(ContentKey.ofProduct(caller.publisher(),
                                        product), caller.publisher(), product, modules, write.context(),
                                        clock.instant()));
                                return WriteResult.done(HttpStatus.OK, view(caller, product));
                            });
                });
    }

    public WriteOutcome markReady(ApiCaller caller, HttpHeaders headers, String productId,
                                  ContentRequests.Mark request) {
        ProductId product = pathProduct(productId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("content.mark_ready:" + product.value(),
                request), write -> {
            assets.requireProduct(caller, product);
            ProductContentView content = content(caller, product).orElseThrow(() -> new BillingRuleViolation(
                    "content_not_ready", "The product has no content structure yet: save one first."));
            Map<AssetId, AssetState> states = states(caller, product, content.modules());
            ContentReadiness readiness = ContentReadinessRule.evaluate(content.modules(), states::get);
            if (!readiness.ready()) {
                // a clear refusal at once, the preview included: only a computed ready may be marked
                throw new BillingRuleViolation("content_not_ready", "The content is not ready for delivery: "
                        + readiness.reasons().stream().map(ContentReadiness.Reason::code).distinct().toList()
                        + ". Read the readiness for every reason.");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("productId", product.value());
            fields.put("readiness", readiness.status());
            return ConfirmedAction.of(ContentConfirmationPolicy.markReady(product), request.confirmation(), fields,
                    () -> {
                        commands.sendAndWait(new MarkContentReady(ContentKey.ofProduct(caller.publisher(), product),
                                caller.publisher(), write.expectedVersion(), request.confirmation(), states,
                                write.context(), clock.instant()));
                        return WriteResult.done(HttpStatus.OK, view(caller, product));
                    });
        });
    }

    private ContentReadinessView view(ApiCaller caller, ProductId product) {
        var content = content(caller, product);
        List<ContentModule> modules = content.map(ProductContentView::modules).orElse(List.of());
        Map<AssetId, AssetState> states = states(caller, product, modules);
        ContentReadiness readiness = ContentReadinessRule.evaluate(modules, states::get);
        return new ContentReadinessView(product.value(), modules.stream().map(ContentReadinessService::module)
                .toList(), ContentReadinessView.Readiness.of(readiness),
                content.map(ProductContentView::markedReady).orElse(false),
                content.map(ProductContentView::markedReadyAt).orElse(null),
                content.map(ProductContentView::version).orElse(null));
    }

    private java.util.Optional<ProductContentView> content(ApiCaller caller, ProductId product) {
        return queries.query(new WhatIsProductContent(caller.publisher(), product),
                ResponseTypes.optionalInstanceOf(ProductContentView.class)).join();
    }

    /**
     * The state of every asset the lessons name: an asset of another product, or one never recorded, is missing;
     * so is a recorded one whose bytes are no longer in the storage.
     */
    private Map<AssetId, AssetState> states(ApiCaller caller, ProductId product, List<ContentModule> modules) {
        Map<String, ProductAssetView> recorded = new LinkedHashMap<>();
        for (ProductAssetView asset : assets.list(caller, product.value()).assets()) {
            recorded.put(asset.assetId(), asset);
        }
        Map<AssetId, AssetState> states = new LinkedHashMap<>();
        modules.stream().flatMap(m -> m.lessons().stream()).map(ContentLesson::assetId).filter(Objects::nonNull)
                .distinct().forEach(id -> {
                    ProductAssetView asset = recorded.get(id.value());
                    AssetState state;
                    if (asset == null) {
                        state = AssetState.MISSING;
                    } else if ("archived".equals(asset.status())) {
                        state = AssetState.ARCHIVED;
                    } else {
                        state = assets.stored(id) ? AssetState.ACTIVE : AssetState.MISSING;
                    }
                    states.put(id, state);
                });
        return states;
    }

    private static List<ContentModule> modules(List<ContentRequests.Module> modules) {
        if (modules == null) {
            throw ApiException.badRequest("invalid_field", "Field 'modules' is required (an empty list is allowed).");
        }
        List<ContentModule> result = new ArrayList<>();
        for (ContentRequests.Module module : modules) {
            if (module == null || module.order() == null) {
                throw ApiException.badRequest("invalid_field", "Every module needs its 'order'.");
            }
            List<ContentLesson> lessons = new ArrayList<>();
            for (ContentRequests.Lesson lesson : module.lessons() == null ? List.<ContentRequests.Lesson>of()
                    : module.lessons()) {
                if (lesson == null || lesson.order() == null) {
                    throw ApiException.badRequest("invalid_field", "Every lesson needs its 'order'.");
                }
                lessons.add(new ContentLesson(lesson.title(), lesson.order(), assetId(lesson.assetId()),
                        lesson.dripOffsetDays()));
            }
            result.add(new ContentModule(module.title(), module.order(), lessons));
        }
        try {
            return ContentStructureRule.require(result);
        } catch (BillingRuleViolation e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }

    private static AssetId assetId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AssetId.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "Field 'assetId' must be ast_ and 32 hex digits.");
        }
    }

    private static ContentRequests.Module module(ContentModule module) {
        return new ContentRequests.Module(module.title(), module.order(), module.lessons().stream()
                .map(l -> new ContentRequests.Lesson(l.title(), l.order(),
                        l.assetId() == null ? null : l.assetId().value(), l.dripOffsetDays())).toList());
    }

    private static ProductId pathProduct(String productId) {
        try {
            return ProductId.of(productId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }
}
