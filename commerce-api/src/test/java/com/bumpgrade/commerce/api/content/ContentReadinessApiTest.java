package com.bumpgrade.commerce.api.content;

import com.bumpgrade.commerce.api.asset.AssetHttp;
import com.bumpgrade.commerce.api.asset.ProductAssetService;
import com.bumpgrade.commerce.api.security.RouteAccess;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.content.ContentKey;
import com.bumpgrade.commerce.domain.content.ContentMarkedReady;
import com.bumpgrade.commerce.domain.content.ContentStructureSaved;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 item 4: a product's modules and lessons, its readiness computed from its assets (each not_ready reason
 * through the API), and the confirmed ready mark, refused while not ready and at a stale version. No route
 * delivers anything.
 */
class ContentReadinessApiTest extends ServiceTest {
    private static final String MISSING = "ast_" + "0".repeat(32);
    private String product;

    @BeforeEach
    void aProduct() {
        product = "content-" + Long.toString(System.nanoTime(), 36);
        confirmed("POST", "/api/commerce/catalog/products", Map.of("productId", product, "title", "Course",
                "kind", "course"), null);
    }

    private String path() {
        return "/api/commerce/products/" + product + "/content-readiness";
    }

    /** Preview, then the same request with the phrase the preview named. */
    private ApiClient.Response confirmed(String method, String path, Map<String, Object> body, String ifMatch) {
        String key = ApiClient.uniqueKey("content");
        ApiClient.Response preview = api().call(method, path).token(Tokens.OWNER).billing(key, "corr-content")
                .header("If-Match", ifMatch).json(body).send();
        if (preview.status() != 200) {
            return preview;
        }
        assertThat(preview.json().path("status").asText()).as(preview.body()).isEqualTo("preview");
        Map<String, Object> withPhrase = new LinkedHashMap<>(body);
        withPhrase.put("confirmation", preview.json().path("requiredConfirmation").asText());
        return api().call(method, path).token(Tokens.OWNER).billing(key, "corr-content").header("If-Match", ifMatch)
                .json(withPhrase).send();
    }

    private String upload(String name) {
        byte[] body = ("%PDF-1.7 " + name).getBytes(StandardCharsets.US_ASCII);
        String phrase = "Upload " + name + " (" + body.length + " bytes) to product " + product;
        ApiClient.Response stored = new AssetHttp(port).upload(product, AssetHttp.envelope(Tokens.OWNER,
                AssetHttp.key("content-asset"), AssetHttp.attachment(name), phrase), body);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().path("assetId").asText();
    }

    private static Map<String, Object> lesson(int order, String assetId, Integer drip) {
        Map<String, Object> lesson = new LinkedHashMap<>();
        lesson.put("title", "Lesson " + order);
        lesson.put("order", order);
        if (assetId != null) {
            lesson.put("assetId", assetId);
        }
        if (drip != null) {
            lesson.put("dripOffsetDays", drip);
        }
        return lesson;
    }

    private static Map<String, Object> module(int order, List<Map<String, Object>> lessons) {
        return Map.of("title", "Module " + order, "order", order, "lessons", lessons);
    }

    private ApiClient.Response save(List<Map<String, Object>> modules) {
        return confirmed("PUT", path(), Map.of("modules", modules), null);
    }

    private static List<String> reasons(JsonNode view) {
        List<String> reasons = new ArrayList<>();
        view.path("readiness").path("reasons").forEach(r -> reasons.add(r.path("code").asText() + " "
                + r.path("module").asText("-") + "/" + r.path("lesson").asText("-")));
        return reasons;
    }

    @Test
    void aProductWithoutStructureHasNoLessons() {
        ApiClient.Response read = api().get(path()).token(Tokens.AUDITOR).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("readiness").path("status").asText()).isEqualTo("not_ready");
        assertThat(reasons(read.json())).containsExactly("no_lessons -/-");
        assertThat(read.json().path("markedReady").asBoolean()).isFalse();
        assertThat(read.header("ETag")).isNull();
        ApiClient.Response mark = api().post(path() + "/mark-ready").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("content"), "corr-content").header("If-Match", "\"0\"")
                .json(Map.of()).send();
        assertThat(mark.status()).as(mark.body()).isEqualTo(409);
        assertThat(mark.errorCode()).isEqualTo("content_not_ready");
    }

    @Test
    void everyReasonIsNamedThenAReadyStructureIsMarkedWithThePhraseAtItsVersion() throws Exception {
        String live = upload("live.pdf");
        String archived = upload("old.pdf");
        String gone = upload("gone.pdf");
        ApiClient.Response archive = confirmed("POST", "/api/commerce/products/" + product + "/assets/" + archived
                + "/archive", Map.of(), "\"0\"");
        assertThat(archive.status()).as(archive.body()).isEqualTo(200);
        // the bytes of a recorded asset are gone from the store (test storage: target/test-assets)
        Files.delete(Path.of("target/test-assets/objects").resolve(gone));

        ApiClient.Response saved = save(List.of(
                module(1, List.of(lesson(1, live, 0), lesson(2, null, null))),
                module(2, List.of(lesson(1, archived, 7))),
                module(3, List.of(lesson(1, MISSING, null), lesson(2, gone, null))),
                module(4, List.of())));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("readiness").path("status").asText()).isEqualTo("not_ready");
        assertThat(reasons(saved.json())).containsExactly("lesson_without_asset 1/2", "asset_archived 2/1",
                "asset_missing 3/1", "asset_missing 3/2", "module_without_lessons 4/-");
        assertThat(saved.json().path("modules").get(1).path("lessons").get(0).path("dripOffsetDays").asInt())
                .isEqualTo(7);

        ApiClient.Response read = api().get(path()).token(Tokens.OWNER).send();
        String version = read.header("ETag");
        assertThat(version).isEqualTo("\"0\"");
        ApiClient.Response refused = api().post(path() + "/mark-ready").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("content"), "corr-content").header("If-Match", version)
                .json(Map.of()).send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("content_not_ready");
        assertThat(refused.json().path("error").path("message").asText())
                .contains("lesson_without_asset", "asset_archived", "asset_missing", "module_without_lessons");

        ApiClient.Response fixed = save(List.of(module(1, List.of(lesson(1, live, 0), lesson(2, live, 7)))));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().path("readiness").path("status").asText()).isEqualTo("ready");
        assertThat(fixed.json().path("readiness").path("reasons")).isEmpty();
        assertThat(fixed.json().path("version").asLong()).isEqualTo(1);

        String phrase = "Mark product " + product + " ready for delivery";
        ApiClient.Response stale = api().post(path() + "/mark-ready").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("content"), "corr-content").header("If-Match", "\"0\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("stale_version");
        assertThat(api().post(path() + "/mark-ready").token(Tokens.AUDITOR)
                .billing(ApiClient.uniqueKey("content"), "corr-content").header("If-Match", "\"1\"")
                .json(Map.of("confirmation", phrase)).send().status()).isEqualTo(403);

        ApiClient.Response marked = confirmed("POST", path() + "/mark-ready", Map.of(), "\"1\"");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().path("markedReady").asBoolean()).isTrue();
        assertThat(api().get(path()).token(Tokens.AUDITOR).send().json().path("markedReady").asBoolean()).isTrue();
        String key = ContentKey.ofProduct(PublisherId.of("demo"), ProductId.of(product)).value();
        EventStream.of(jdbc, key).expectExactly(ContentStructureSaved.class, ContentStructureSaved.class,
                ContentMarkedReady.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE subject_type = 'product_content' AND subject_id = ? "
                        + "ORDER BY sequence", String.class, product))
                .containsExactly("content.structure.save", "content.structure.save", "content.mark_ready"));

        // a changed structure needs a new mark
        ApiClient.Response changed = save(List.of(module(1, List.of(lesson(1, live, 0)))));
        assertThat(changed.json().path("markedReady").asBoolean()).isFalse();
    }

    @Test
    void onlyOwnersWriteAuditorsReadAgentsNeitherAndOtherPublishersFindNothing() {
        assertThat(api().get(path()).token(Tokens.AGENT).send().status()).isEqualTo(403);
        assertThat(api().get(path()).token(Tokens.RIVAL_OWNER).send().status()).isEqualTo(404);
        for (String token : List.of(Tokens.AGENT, Tokens.AUDITOR)) {
            assertThat(api().put(path()).token(token).billing(ApiClient.uniqueKey("content"), "corr-content")
                    .json(Map.of("modules", List.of())).send().status()).isEqualTo(403);
        }
        ApiClient.Response invalid = confirmed("PUT", path(), Map.of("modules", List.of(module(1, List.of()),
                module(1, List.of()))), null);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.errorCode()).isEqualTo("invalid_structure");
        ApiClient.Response badAsset = confirmed("PUT", path(), Map.of("modules", List.of(module(1,
                List.of(lesson(1, "../../etc/passwd", null))))), null);
        assertThat(badAsset.status()).isEqualTo(400);
    }

    /** No protected body is stored or served: no route reads an asset's bytes or any content, for anyone. */
    @Test
    void noRouteDeliversAnAssetOrContent() {
        List<String> productRoutes = RouteAccess.RULES.stream()
                .filter(rule -> rule.pattern().startsWith("/api/commerce/products/"))
                .map(rule -> rule.method().name() + " " + rule.pattern()).toList();
        assertThat(productRoutes).containsExactlyInAnyOrder(
                "POST /api/commerce/products/{productId}/assets",
                "GET /api/commerce/products/{productId}/assets",
                "GET /api/commerce/products/{productId}/assets/{assetId}",
                "POST /api/commerce/products/{productId}/assets/{assetId}/archive",
                "GET /api/commerce/products/{productId}/content-readiness",
                "PUT /api/commerce/products/{productId}/content-readiness",
                "POST /api/commerce/products/{productId}/content-readiness/mark-ready");
        assertThat(RouteAccess.RULES.stream().filter(RouteAccess.Rule::isPublic).map(RouteAccess.Rule::pattern))
                .noneMatch(pattern -> pattern.contains("asset") || pattern.contains("content")
                        || pattern.contains("lesson") || pattern.contains("download"));
        String asset = upload("lesson.pdf");
        for (String suffix : List.of("/content", "/download", "/body", "/url")) {
            assertThat(api().get("/api/commerce/products/" + product + "/assets/" + asset + suffix)
                    .token(Tokens.OWNER).send().status()).as(suffix).isEqualTo(404);
        }
        ApiClient.Response record = api().get("/api/commerce/products/" + product + "/assets/" + asset)
                .token(Tokens.OWNER).send();
        assertThat(record.body()).doesNotContain("%PDF", "objects/", "test-assets");
        assertThat(ProductAssetService.CONFIRMATION_HEADER).isEqualTo("X-Bumpgrade-Confirmation");
    }
}
