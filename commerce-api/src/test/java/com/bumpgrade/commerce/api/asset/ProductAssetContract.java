package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.RawHttp;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.SmallHeapService;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.asset.AssetDisplayName;
import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.asset.ProductAssetArchived;
import com.bumpgrade.commerce.domain.asset.ProductAssetRecorded;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 item 3, the same suite for each storage backend (a subclass each): the streamed upload with its
 * preview before any byte is read, the phrase in X-Bumpgrade-Confirmation, roles, the size limit, a dropped
 * connection, the idempotent retry, hostile file names, a 200 MB upload to the service under a 256 MB heap, and a
 * scan of responses, logs, events and audit entries for what names the storage.
 */
abstract class ProductAssetContract extends ServiceTest {
    static final String MAX_SIZE = "1MB";
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final long MB = 1024 * 1024;
    private static final Map<Class<?>, String> PRODUCTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the backend holds now: every object, temporary object and unfinished upload, by its name there. */
    protected abstract List<String> storedNames();

    /** The asset's stored object, read from the backend itself. */
    protected abstract InputStream openStored(AssetId asset) throws IOException;

    /** The SHA-256 of the asset's stored object. */
    private String storedSha256(AssetId asset) {
        try (InputStream in = openStored(asset)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What names this backend's storage: none of it may appear in any answer, log, event or audit entry. */
    protected abstract List<String> storageSecrets();

    /** The settings that point a separately started service at this backend. */
    protected abstract Map<String, String> storageProperties();

    static void limits(DynamicPropertyRegistry registry) {
        registry.add("bumpgrade.assets.max-size", () -> MAX_SIZE);
        // a dropped connection is seen at once; the idle limit is the fallback, shortened to keep tests short
        registry.add("bumpgrade.assets.idle-timeout", () -> "PT5S");
    }

    private AssetHttp http() {
        return new AssetHttp(port);
    }

    private String product;

    @BeforeEach
    void aProductOfTheOwner() {
        product = PRODUCTS.computeIfAbsent(getClass(), type -> {
            String id = "assets-" + type.getSimpleName().toLowerCase().replace("productassetapitest", "") + "-"
                    + Long.toString(System.nanoTime(), 36);
            Map<String, Object> body = new LinkedHashMap<>(Map.of("productId", id, "title", "Asset course",
                    "kind", "course"));
            String key = ApiClient.uniqueKey("asset-product");
            ApiClient.Response preview = api().post("/api/commerce/catalog/products").token(Tokens.OWNER)
                    .billing(key, "corr-assets").json(body).send();
            body.put("confirmation", preview.json().path("requiredConfirmation").asText());
            ApiClient.Response saved = api().post("/api/commerce/catalog/products").token(Tokens.OWNER)
                    .billing(key, "corr-assets").json(body).send();
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            return id;
        });
    }

    private String phrase(String name, long size) {
        return "Upload " + AssetDisplayName.inPhrase(AssetDisplayName.sanitize(name)) + " (" + size
                + " bytes) to product " + product;
    }

    private static byte[] pdf(int size, String marker) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = ("%PDF-1.7 " + marker + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private ApiClient.Response confirmedUpload(String key, String disposition, String name, byte[] body) {
        return http().upload(product, AssetHttp.envelope(Tokens.OWNER, key, disposition,
                phrase(name, body.length)), body);
    }

    private static AssetId assetOf(String product, String key) {
        return AssetId.forUpload(DEMO, ProductId.of(product), "demo/owner-demo", key);
    }

    @Test
    void aPreviewAnswersBeforeAnyByteOfTheBodyIsReadAndStoresNothing() {
        List<String> before = storedNames();
        RawHttp.Response preview = http().headOnly(product, AssetHttp.envelope(Tokens.OWNER,
                AssetHttp.key("asset-preview"), AssetHttp.attachment("lesson-1.mp4"), null), 5 * MB / 10);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.path("status").asText()).isEqualTo("preview");
        assertThat(body.path("reason").asText()).isEqualTo("confirmation_required");
        assertThat(body.path("requiredConfirmation").asText())
                .isEqualTo("Upload lesson-1.mp4 (524288 bytes) to product " + product);
        assertThat(body.path("displayName").asText()).isEqualTo("lesson-1.mp4");
        assertThat(body.path("sizeBytes").asLong()).isEqualTo(524288);
        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void aWrongPhraseIsAPreviewAndStoresNothing() {
        List<String> before = storedNames();
        String key = AssetHttp.key("asset-wrong");
        ApiClient.Response wrong = http().upload(product, AssetHttp.envelope(Tokens.OWNER, key,
                AssetHttp.attachment("a.pdf"), "Upload a.pdf"), pdf(1000, "x"));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
        assertThat(wrong.json().path("reason").asText()).isEqualTo("confirmation_mismatch");
        assertThat(wrong.json().path("requiredConfirmation").asText()).isEqualTo(phrase("a.pdf", 1000));
        assertThat(storedNames()).isEqualTo(before);
        EventStream.of(jdbc, assetOf(product, key).value()).expectExactly();
    }

    @Test
    void onlyTheOwnerOfTheProductUploadsAndTheAuditorOnlyReads() {
        List<String> before = storedNames();
        byte[] body = pdf(1000, "roles");
        for (String token : List.of(Tokens.AGENT, Tokens.AUDITOR)) {
            ApiClient.Response refused = http().upload(product, AssetHttp.envelope(token, AssetHttp.key("asset-role"),
                    AssetHttp.attachment("a.pdf"), phrase("a.pdf", 1000)), body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        // another publisher's product answers like a missing one
        ApiClient.Response rival = http().upload(product, AssetHttp.envelope(Tokens.RIVAL_OWNER,
                AssetHttp.key("asset-rival"), AssetHttp.attachment("a.pdf"), phrase("a.pdf", 1000)), body);
        assertThat(rival.status()).as(rival.body()).isEqualTo(404);
        assertThat(rival.errorCode()).isEqualTo("not_found");
        assertThat(api().get("/api/commerce/products/" + product + "/assets").token(Tokens.RIVAL_AUDITOR).send()
                .status()).isEqualTo(404);
        assertThat(api().get("/api/commerce/products/" + product + "/assets").token(Tokens.AGENT).send().status())
                .isEqualTo(403);
        assertThat(storedNames()).isEqualTo(before);

        String key = AssetHttp.key("asset-auditor");
        ApiClient.Response stored = confirmedUpload(key, AssetHttp.attachment("a.pdf"), "a.pdf", body);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String assetId = stored.json().path("assetId").asText();
        ApiClient.Response read = api().get("/api/commerce/products/" + product + "/assets/" + assetId)
                .token(Tokens.AUDITOR).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        ApiClient.Response archive = api().post("/api/commerce/products/" + product + "/assets/" + assetId
                        + "/archive").token(Tokens.AUDITOR).billing(AssetHttp.key("asset-arch"), "corr-assets")
                .header("If-Match", "\"0\"").json(Map.of()).send();
        assertThat(archive.status()).isEqualTo(403);
    }

    @Test
    void anUploadIsStreamedToStorageHashedRecordedListedAndAudited() {
        String key = AssetHttp.key("asset-upload");
        byte[] body = pdf(300_000, "upload");
        ApiClient.Response stored = confirmedUpload(key, AssetHttp.attachment("Lesson 1.pdf"), "Lesson 1.pdf", body);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode asset = stored.json();
        AssetId id = assetOf(product, key);
        assertThat(asset.path("assetId").asText()).isEqualTo(id.value());
        assertThat(asset.path("sizeBytes").asLong()).isEqualTo(300_000);
        assertThat(asset.path("sha256").asText()).isEqualTo(AssetHttp.sha256(body));
        assertThat(asset.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(asset.path("displayName").asText()).isEqualTo("Lesson 1.pdf");
        assertThat(asset.path("status").asText()).isEqualTo("active");
        assertThat(asset.path("uploadedBy").asText()).isEqualTo("owner-demo");
        assertThat(storedSha256(id)).isEqualTo(AssetHttp.sha256(body));
        EventStream.of(jdbc, id.value()).expectExactly(ProductAssetRecorded.class);

        for (String token : List.of(Tokens.OWNER, Tokens.AUDITOR)) {
            ApiClient.Response listed = api().get("/api/commerce/products/" + product + "/assets").token(token)
                    .send();
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().path("assets").findValuesAsText("assetId")).contains(id.value());
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE subject_id = ?", String.class, id.value()))
                .containsExactly("product_asset.upload"));
        assertThat(api().get("/api/commerce/products/" + product + "/assets/ast_" + "0".repeat(32))
                .token(Tokens.OWNER).send().status()).isEqualTo(404);
    }

    @Test
    void theSameKeyWithTheSameBytesIsTheSameRecord() {
        String key = AssetHttp.key("asset-retry");
        byte[] body = pdf(200_000, "retry");
        ApiClient.Response first = confirmedUpload(key, AssetHttp.attachment("retry.pdf"), "retry.pdf", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        List<String> stored = storedNames();
        ApiClient.Response again = confirmedUpload(key, AssetHttp.attachment("retry.pdf"), "retry.pdf", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        AssetId id = assetOf(product, key);

        // the first answer lost (a crash before it was kept): the same bytes find the same record
        jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ?", key);
        ApiClient.Response afterLoss = confirmedUpload(key, AssetHttp.attachment("retry.pdf"), "retry.pdf", body);
        assertThat(afterLoss.status()).as(afterLoss.body()).isEqualTo(201);
        assertThat(afterLoss.json().path("assetId").asText()).isEqualTo(id.value());
        // and other bytes under that key are refused, leaving the stored object as it was
        jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ?", key);
        ApiClient.Response other = confirmedUpload(key, AssetHttp.attachment("retry.pdf"), "retry.pdf",
                pdf(200_000, "other"));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(storedSha256(id)).isEqualTo(AssetHttp.sha256(body));
        assertThat(storedNames()).isEqualTo(stored);
        EventStream.of(jdbc, id.value()).expectExactly(ProductAssetRecorded.class);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedByItsContentLengthBeforeAnyByte() {
        List<String> before = storedNames();
        RawHttp.Response tooLarge = http().headOnly(product, AssetHttp.envelope(Tokens.OWNER,
                AssetHttp.key("asset-413"), AssetHttp.attachment("big.bin"), phrase("big.bin", MB + 1)), MB + 1);
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("asset_too_large");
        // at the limit it is taken
        ApiClient.Response atLimit = confirmedUpload(AssetHttp.key("asset-limit"), AssetHttp.attachment("max.bin"),
                "max.bin", pdf((int) MB, "limit"));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
        assertThat(atLimit.json().path("sizeBytes").asLong()).isEqualTo(MB);
        before = storedNames();

        Map<String, String> chunked = AssetHttp.envelope(Tokens.OWNER, AssetHttp.key("asset-411"),
                AssetHttp.attachment("c.bin"), "Upload c.bin");
        chunked.put("Transfer-Encoding", "chunked");
        RawHttp.Response noLength = new RawHttp(port).send("POST", "/api/commerce/products/" + product + "/assets",
                chunked, "3\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(noLength.status()).as(noLength.body()).isEqualTo(411);
        assertThat(noLength.errorCode()).isEqualTo("length_required");
        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void aConnectionDroppedMidUploadLeavesNoRecordAndNoObject() {
        List<String> before = storedNames();
        String key = AssetHttp.key("asset-drop");
        int length = 600_000;
        byte[] body = pdf(length, "drop");
        http().hangUpAfter(product, AssetHttp.envelope(Tokens.OWNER, key, AssetHttp.attachment("drop.pdf"),
                phrase("drop.pdf", length)), length, java.util.Arrays.copyOf(body, length / 2));

        AssetId id = assetOf(product, key);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                    Long.class, key)).as("the key was given back").isZero();
            assertThat(storedNames()).as("no object and no temporary object").isEqualTo(before);
        });
        EventStream.of(jdbc, id.value()).expectExactly();

        // the retry with the same key is a fresh upload
        ApiClient.Response retry = confirmedUpload(key, AssetHttp.attachment("drop.pdf"), "drop.pdf", body);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("assetId").asText()).isEqualTo(id.value());
        assertThat(storedSha256(id)).isEqualTo(AssetHttp.sha256(body));
    }

    @Test
    void hostileFileNamesAreShownSanitizedAndNeverNameAStoredObject() {
        List<String> names = List.of("../../etc/passwd", "..\\x", "a\u0000b.pdf", "line\r\nbreak.txt",
                "invoice\u202Efdp.exe", "/absolute/path.bin", "x".repeat(3000) + ".mp4", "..", "bell\u0007.pdf",
                "%2e%2e%2fencoded.pdf", "C:\\Windows\\system.ini");
        for (String name : names) {
            String key = AssetHttp.key("asset-name");
            byte[] body = pdf(2000, "name");
            ApiClient.Response stored = confirmedUpload(key, AssetHttp.attachmentStar(name), name, body);
            assertThat(stored.status()).as(name + ": " + stored.body()).isEqualTo(201);
            String shown = stored.json().path("displayName").asText();
            assertThat(shown).as(name).isEqualTo(AssetDisplayName.sanitize(name))
                    .doesNotContain("/", "\\", "\u0000", "\r", "\n", "\u202E", "\u0007");
            assertThat(shown.length()).isLessThanOrEqualTo(AssetDisplayName.MAX_LENGTH);
        }
        // a control character in the header itself is refused before any handler
        Map<String, String> raw = AssetHttp.envelope(Tokens.OWNER, AssetHttp.key("asset-nul"),
                "attachment; filename=\"a\u0001b.pdf\"", null);
        RawHttp.Response refused = new RawHttp(port).send("POST", "/api/commerce/products/" + product + "/assets",
                raw, new byte[10]);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(storedNames()).allSatisfy(name -> assertThat(name).matches(".*ast_[0-9a-f]{32}.*"));
    }

    @Test
    void anArchiveIsConfirmedAtTheCurrentVersionOnce() {
        String key = AssetHttp.key("asset-archive");
        ApiClient.Response stored = confirmedUpload(key, AssetHttp.attachment("old.pdf"), "old.pdf", pdf(1000, "a"));
        String assetId = stored.json().path("assetId").asText();
        String path = "/api/commerce/products/" + product + "/assets/" + assetId + "/archive";
        String archiveKey = AssetHttp.key("asset-arch");
        ApiClient.Response preview = api().post(path).token(Tokens.OWNER).billing(archiveKey, "corr-assets")
                .header("If-Match", "\"0\"").json(Map.of()).send();
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        String phrase = "Archive asset old.pdf of product " + product;
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(phrase);
        ApiClient.Response stale = api().post(path).token(Tokens.OWNER).billing(AssetHttp.key("asset-arch"),
                "corr-assets").header("If-Match", "\"4\"").json(Map.of("confirmation", phrase)).send();
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        ApiClient.Response archived = api().post(path).token(Tokens.OWNER).billing(archiveKey, "corr-assets")
                .header("If-Match", "\"0\"").json(Map.of("confirmation", phrase)).send();
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().path("status").asText()).isEqualTo("archived");
        ApiClient.Response again = api().post(path).token(Tokens.OWNER).billing(AssetHttp.key("asset-arch"),
                "corr-assets").header("If-Match", "\"1\"").json(Map.of("confirmation", phrase)).send();
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("asset_archived");
        EventStream.of(jdbc, assetId).expectExactly(ProductAssetRecorded.class, ProductAssetArchived.class);
    }

    /**
     * After uploads with hostile names and an archive, nothing that names the storage (its directory or bucket,
     * object keys, temporary objects, upload ids, signatures) and no byte of a body is in any answer, log line,
     * event or audit entry; the scan does find the marker where it must be, in the stored object.
     */
    @Test
    void noAnswerLogEventOrAuditEntryNamesTheStorageOrCarriesTheBody() {
        String marker = "BODYMARKER" + UUID.randomUUID().toString().replace("-", "");
        String key = AssetHttp.key("asset-scan");
        byte[] body = pdf(50_000, marker);
        ApiClient.Response stored = confirmedUpload(key, AssetHttp.attachmentStar("../../private/" + marker + ".pdf"),
                "../../private/" + marker + ".pdf", body);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        AssetId id = assetOf(product, key);
        ApiClient.Response archived = api().post("/api/commerce/products/" + product + "/assets/" + id
                        + "/archive").token(Tokens.OWNER).billing(AssetHttp.key("asset-scan-arch"), "corr-assets")
                .header("If-Match", "\"0\"").json(Map.of("confirmation", "Archive asset " + marker
                        + ".pdf of product " + product)).send();
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_entry "
                + "WHERE subject_id = ?", Long.class, id.value()) == 2);
        assertThat(storedSha256(id)).isEqualTo(AssetHttp.sha256(body));

        Map<String, List<String>> places = new LinkedHashMap<>();
        List<String> answers = new ArrayList<>(AssetHttp.ANSWERS);
        answers.addAll(ApiClient.allResponseBodies());
        places.put("answer", answers);
        places.put("log", CapturedLogs.lines());
        places.put("event", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || ' ' || "
                + "coalesce(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry "
                + "WHERE payload_type LIKE 'com.bumpgrade.commerce.domain.asset.%'", String.class));
        places.put("audit", jdbc.queryForList("SELECT row_to_json(a)::text FROM audit_entry a "
                + "WHERE subject_type = 'product_asset'", String.class));
        places.put("stored answer", jdbc.queryForList("SELECT coalesce(response_body, '') FROM idempotency_record",
                String.class));
        assertThat(places.get("event")).anySatisfy(event -> assertThat(event).contains(id.value()));

        List<String> forbidden = new ArrayList<>(storageSecrets());
        forbidden.addAll(List.of("objects/ast_", "staging/ast_", ".part", "uploadId", "X-Amz-", "Signature=",
                "private/" + marker, "%PDF-1.7 " + marker));
        List<String> found = new ArrayList<>();
        places.forEach((where, texts) -> texts.forEach(text -> forbidden.forEach(secret -> {
            if (text != null && text.contains(secret)) {
                found.add(where + " carries '" + secret + "': " + text.substring(0, Math.min(300, text.length())));
            }
        })));
        assertThat(found).isEmpty();
    }

    /**
     * Memory stays flat whatever the size: the service runs in its own JVM under a 256 MB heap and 64 MB of direct
     * memory and takes a 200 MB upload, generated as it is sent; a service that joined the body would die.
     */
    @Test
    void a200MbUploadIsStreamedByAServiceUnderA256MbHeap() throws Exception {
        long size = 200 * MB;
        Map<String, String> properties = new LinkedHashMap<>(storageProperties());
        try (SmallHeapService service = SmallHeapService.start("small-heap-" + getClass().getSimpleName(),
                properties)) {
            AssetHttp http = new AssetHttp(service.port());
            String key = AssetHttp.key("asset-200mb");
            Map<String, String> headers = AssetHttp.envelope(Tokens.OWNER, key, AssetHttp.attachment("big.mp4"),
                    null);
            RawHttp.Response preview = http.headOnly(product, headers, size);
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            headers.put(ProductAssetService.CONFIRMATION_HEADER, preview.json().path("requiredConfirmation").asText());
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            ApiClient.Response stored = http.upload(product, headers, size, generated(size, sent));
            assertThat(stored.status()).as(stored.body() + " (see " + service.log() + ")").isEqualTo(201);
            assertThat(stored.json().path("sizeBytes").asLong()).isEqualTo(size);
            assertThat(stored.json().path("sha256").asText())
                    .isEqualTo(java.util.HexFormat.of().formatHex(sent.digest()));
            assertThat(stored.json().path("contentType").asText()).isEqualTo("video/mp4");
            assertThat(service.isAlive()).isTrue();
            assertThat(storedSha256(AssetId.of(stored.json().path("assetId").asText())))
                    .isEqualTo(stored.json().path("sha256").asText());
        }
    }

    /** {@code size} pseudo-random bytes that begin like an MP4, hashed into {@code digest} as they are read. */
    private static Supplier<InputStream> generated(long size, MessageDigest digest) {
        return () -> new InputStream() {
            private final Random random = new Random(42);
            private final byte[] chunk = new byte[64 * 1024];
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(length, chunk.length), size - sent);
                random.nextBytes(chunk);
                if (sent == 0) {
                    byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
                    System.arraycopy(head, 0, chunk, 0, Math.min(head.length, n));
                }
                System.arraycopy(chunk, 0, into, offset, n);
                digest.update(into, offset, n);
                sent += n;
                return n;
            }
        };
    }

}
