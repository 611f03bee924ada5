package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each reason content is not ready, alone, and ready when every lesson has a live asset. */
class ContentReadinessRuleTest {
    private static final AssetId LIVE = AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "s", "1");
    private static final AssetId OLD = AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "s", "2");
    private static final AssetId GONE = AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "s", "3");
    private static final Map<AssetId, AssetState> STATES = Map.of(LIVE, AssetState.ACTIVE, OLD, AssetState.ARCHIVED);

    private static ContentReadiness evaluate(ContentModule... modules) {
        return ContentReadinessRule.evaluate(List.of(modules), id -> STATES.getOrDefault(id, AssetState.MISSING));
    }

    private static ContentModule module(int order, ContentLesson... lessons) {
        return new ContentModule("Module " + order, order, List.of(lessons));
    }

    private static ContentLesson lesson(int order, AssetId asset) {
        return new ContentLesson("Lesson " + order, order, asset, null);
    }

    private static List<String> codes(ContentReadiness readiness) {
        return readiness.reasons().stream().map(ContentReadiness.Reason::code).toList();
    }

    @Test
    void everyLessonWithALiveAssetIsReady() {
        ContentReadiness readiness = evaluate(module(1, lesson(1, LIVE), new ContentLesson("Two", 2, LIVE, 7)));
        assertThat(readiness.status()).isEqualTo("ready");
        assertThat(readiness.reasons()).isEmpty();
    }

    @Test
    void noModulesOrNoLessonsAreNotReady() {
        assertThat(codes(evaluate())).containsExactly("no_lessons");
        assertThat(codes(evaluate(module(1)))).containsExactly("no_lessons", "module_without_lessons");
    }

    @Test
    void anEmptyModuleBesideAFullOneIsNamed() {
        ContentReadiness readiness = evaluate(module(1, lesson(1, LIVE)), module(2));
        assertThat(readiness.reasons()).containsExactly(new ContentReadiness.Reason("module_without_lessons", 2,
                null, null));
    }

    @Test
    void aLessonWithoutAssetIsNamed() {
        assertThat(evaluate(module(1, lesson(1, LIVE), lesson(2, null))).reasons())
                .containsExactly(new ContentReadiness.Reason("lesson_without_asset", 1, 2, null));
    }

    @Test
    void aMissingAssetIsNamed() {
        assertThat(evaluate(module(3, lesson(1, GONE))).reasons())
                .containsExactly(new ContentReadiness.Reason("asset_missing", 3, 1, GONE.value()));
    }

    @Test
    void anArchivedAssetIsNamed() {
        ContentReadiness readiness = evaluate(module(1, lesson(4, OLD)));
        assertThat(readiness.status()).isEqualTo("not_ready");
        assertThat(readiness.reasons()).containsExactly(new ContentReadiness.Reason("asset_archived", 1, 4,
                OLD.value()));
    }

    @Test
    void theStructureRuleRefusesDuplicateOrdersBadTitlesAndDrips() {
        assertThatThrownBy(() -> ContentStructureRule.require(List.of(module(1), module(1))))
                .isInstanceOf(BillingRuleViolation.class).hasMessageContaining("module orders");
        assertThatThrownBy(() -> ContentStructureRule.require(List.of(module(1, lesson(1, null), lesson(1, null)))))
                .hasMessageContaining("lesson orders");
        assertThatThrownBy(() -> ContentStructureRule.require(List.of(new ContentModule(" ", 1, List.of()))))
                .hasMessageContaining("titles");
        assertThatThrownBy(() -> ContentStructureRule.require(List.of(module(1, new ContentLesson("x", 1, null,
                -1))))).hasMessageContaining("dripOffsetDays");
        assertThat(ContentStructureRule.require(List.of())).isEmpty();
    }
}
