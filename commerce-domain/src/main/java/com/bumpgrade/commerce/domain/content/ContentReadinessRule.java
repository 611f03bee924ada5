package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.asset.AssetId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * When a product's protected content is ready for delivery: it has lessons, every module has some, and every
 * lesson uses an asset of the product that is recorded, stored and not archived. Every failing check is a reason:
 * {@code no_lessons}, {@code module_without_lessons}, {@code lesson_without_asset}, {@code asset_missing},
 * {@code asset_archived}.
 */
public final class ContentReadinessRule {
    public static final String NO_LESSONS = "no_lessons";
    public static final String MODULE_WITHOUT_LESSONS = "module_without_lessons";
    public static final String LESSON_WITHOUT_ASSET = "lesson_without_asset";
    public static final String ASSET_MISSING = "asset_missing";
    public static final String ASSET_ARCHIVED = "asset_archived";

    private ContentReadinessRule() {
    }

    public static ContentReadiness evaluate(List<ContentModule> modules, Function<AssetId, AssetState> assets) {
        List<ContentReadiness.Reason> reasons = new ArrayList<>();
        if (modules.stream().allMatch(module -> module.lessons().isEmpty())) {
            reasons.add(new ContentReadiness.Reason(NO_LESSONS, null, null, null));
        }
        for (ContentModule module : modules) {
            if (module.lessons().isEmpty()) {
                reasons.add(new ContentReadiness.Reason(MODULE_WITHOUT_LESSONS, module.order(), null, null));
            }
            for (ContentLesson lesson : module.lessons()) {
                if (lesson.assetId() == null) {
                    reasons.add(new ContentReadiness.Reason(LESSON_WITHOUT_ASSET, module.order(), lesson.order(),
                            null));
                    continue;
                }
                AssetState state = assets.apply(lesson.assetId());
                if (state == AssetState.MISSING) {
                    reasons.add(new ContentReadiness.Reason(ASSET_MISSING, module.order(), lesson.order(),
                            lesson.assetId().value()));
                } else if (state == AssetState.ARCHIVED) {
                    reasons.add(new ContentReadiness.Reason(ASSET_ARCHIVED, module.order(), lesson.order(),
                            lesson.assetId().value()));
                }
            }
        }
        return new ContentReadiness(reasons.isEmpty() ? ContentReadiness.READY : ContentReadiness.NOT_READY,
                reasons);
    }
}
