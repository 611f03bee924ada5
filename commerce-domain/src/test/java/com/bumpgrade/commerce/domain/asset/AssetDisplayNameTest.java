package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names are only shown, and shown harmless: no directories, controls, bidi tricks or endless names. */
class AssetDisplayNameTest {

    @Test
    void directoriesAreDropped() {
        assertThat(AssetDisplayName.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AssetDisplayName.sanitize("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
        assertThat(AssetDisplayName.sanitize("..\\x")).isEqualTo("x");
    }

    @Test
    void nothingButDotsIsAFile() {
        assertThat(AssetDisplayName.sanitize("..")).isEqualTo("file");
        assertThat(AssetDisplayName.sanitize("../")).isEqualTo("file");
        assertThat(AssetDisplayName.sanitize("")).isEqualTo("file");
        assertThat(AssetDisplayName.sanitize(null)).isEqualTo("file");
        assertThat(AssetDisplayName.sanitize(".hidden")).isEqualTo("hidden");
    }

    @Test
    void controlAndFormatCharactersAreRemoved() {
        assertThat(AssetDisplayName.sanitize("a\u0000b\r\nc\u0007.pdf")).isEqualTo("abc.pdf");
        // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(AssetDisplayName.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(AssetDisplayName.sanitize("zero\u200Bwidth\u2066.txt")).isEqualTo("zerowidth.txt");
    }

    @Test
    void reservedCharactersBecomeUnderscores() {
        assertThat(AssetDisplayName.sanitize("what?<is>:this|\"*.zip")).isEqualTo("what__is__this___.zip");
    }

    @Test
    void lettersOfAnyScriptStay() {
        assertThat(AssetDisplayName.sanitize("Résumé — 講義.pdf")).isEqualTo("Résumé — 講義.pdf");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String name = AssetDisplayName.sanitize("x".repeat(5000) + ".mp4");
        assertThat(name).hasSize(AssetDisplayName.MAX_LENGTH).endsWith("x.mp4");
    }

    @Test
    void thePhraseNamesTheFileInAscii() {
        assertThat(AssetConfirmationPolicy.upload("Résumé.pdf", 10, ProductId.of("p-1")))
                .isEqualTo("Upload R_sum_.pdf (10 bytes) to product p-1");
    }

    @Test
    void theIdIsDerivedFromTheUploadNeverFromTheName() {
        AssetId one = AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "demo/owner", "k-1");
        assertThat(one.value()).matches("ast_[0-9a-f]{32}");
        assertThat(AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "demo/owner", "k-1")).isEqualTo(one);
        assertThat(AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "demo/owner", "k-2")).isNotEqualTo(one);
    }
}
