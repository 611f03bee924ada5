package com.bumpgrade.commerce.domain.asset;

import java.text.Normalizer;

/**
 * The name an asset is shown by, made from the file name the uploader sent. It is only ever shown, never used to
 * find or store anything, and still kept harmless: no directory part ({@code ../../etc/passwd} becomes
 * {@code passwd}), no control or format characters (NUL, line breaks, the bidirectional overrides that make
 * {@code exe.pdf} read backwards), none of the characters file systems reserve, no leading dots, at most
 * {@link #MAX_LENGTH} characters with the extension kept. What is left empty becomes {@code file}.
 */
public final class AssetDisplayName {
    public static final int MAX_LENGTH = 120;
    private static final String FALLBACK = "file";

    private AssetDisplayName() {
    }

    public static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                kept.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
            } else {
                kept.appendCodePoint(cp);
            }
        });
        String cleaned = kept.toString().replaceAll(" {2,}", " ").strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1).strip();
        }
        cleaned = shorten(cleaned);
        return cleaned.isEmpty() ? FALLBACK : cleaned;
    }

    /** The name as a confirmation phrase names it: printable ASCII only, since the phrase travels in a header. */
    public static String inPhrase(String displayName) {
        StringBuilder ascii = new StringBuilder();
        displayName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '_'));
        return ascii.toString();
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String stem = name.substring(0, name.offsetByCodePoints(0, keep));
        return stem.strip() + extension;
    }
}
