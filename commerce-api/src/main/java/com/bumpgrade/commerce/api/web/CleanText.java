package com.bumpgrade.commerce.api.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text the service accepts from a request: strict UTF-8 (no overlong forms, no encoded surrogates), no
 * lone surrogates and no control characters (PostgreSQL refuses NUL in text and jsonb; the others have no place
 * in an id, a header or a reason). Free text in a JSON body may keep tab and line breaks.
 */
public final class CleanText {
    private CleanText() {
    }

    /** True when the value has no control character (tab allowed) and no lone surrogate. */
    public static boolean isClean(String value) {
        return isClean(value, false);
    }

    /** As {@link #isClean(String)}, allowing line breaks too when {@code lineBreaks} is set. */
    public static boolean isClean(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && c != '\t' && !(lineBreaks && (c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    /** Decodes bytes as strict UTF-8, refusing malformed input instead of replacing it. */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Percent-decodes a raw URI component as strict UTF-8 ({@code +} is a space when {@code plusIsSpace}).
     *
     * @throws IllegalArgumentException for a broken escape or bytes that are not UTF-8
     */
    public static String percentDecode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("broken percent escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("broken percent escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return decodeUtf8(bytes.toByteArray());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }
}
