package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which client sent a billing write, named the way {@code User-Agent} names one (RFC 9110, section 10.1.5):
 * product tokens with optional versions and comments, such as {@code my-agent/2.3.1 (+https://example.com/bot)}.
 * <pre>
 *   client  = product *( 1*SP ( product / comment ) )      1-256 characters, the first a letter or digit
 *   product = token [ "/" token ]                          token: RFC 9110 tchar, and ':'
 *   comment = "(" *( ctext / quoted-pair / comment ) ")"   ctext: SP and visible ASCII but ( ) \
 * </pre>
 * Only space and visible ASCII are accepted: no control character (tab, CR, LF, NUL, DEL), no non-ASCII
 * character (NEL, U+2028 and U+2029 included), nothing that could split or forge a log line. Every value of the
 * earlier rule (1-128 of letters, digits, '.', '_', ':' and '-') is still accepted, so stored events read back.
 */
public record ClientAttribution(@JsonValue String value) {
    public static final int MAX_LENGTH = 256;
    private static final int MAX_COMMENT_DEPTH = 8;
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~:";

    public ClientAttribution {
        if (value == null || !isWellFormed(value)) {
            throw new IllegalArgumentException("client attribution must be product tokens like 'my-agent/2.3.1', "
                    + "optionally with (comments), at most " + MAX_LENGTH + " characters of visible ASCII and spaces");
        }
    }

    @JsonCreator
    public static ClientAttribution of(String value) {
        return new ClientAttribution(value);
    }

    public static boolean isWellFormed(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !Character.isLetterOrDigit(value.charAt(0))
                || value.charAt(0) > 0x7E) {
            return false;
        }
        int at = product(value, 0);
        while (at > 0 && at < value.length()) {
            int spaces = at;
            while (at < value.length() && value.charAt(at) == ' ') {
                at++;
            }
            if (at == spaces || at == value.length()) {
                return false;
            }
            at = value.charAt(at) == '(' ? comment(value, at, 1) : product(value, at);
        }
        return at == value.length();
    }

    /** The index after a product that starts at {@code from}, or -1. */
    private static int product(String value, int from) {
        int at = token(value, from);
        if (at > 0 && at < value.length() && value.charAt(at) == '/') {
            at = token(value, at + 1);
        }
        return at;
    }

    private static int token(String value, int from) {
        int at = from;
        while (at < value.length() && isTokenChar(value.charAt(at))) {
            at++;
        }
        return at == from ? -1 : at;
    }

    /** The index after a comment whose '(' is at {@code from}, or -1. */
    private static int comment(String value, int from, int depth) {
        if (depth > MAX_COMMENT_DEPTH) {
            return -1;
        }
        int at = from + 1;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ')') {
                return at + 1;
            } else if (c == '(') {
                at = comment(value, at, depth + 1);
                if (at < 0) {
                    return -1;
                }
            } else if (c == '\\') {
                if (at + 1 >= value.length() || !isVisibleOrSpace(value.charAt(at + 1))) {
                    return -1;
                }
                at += 2;
            } else if (isVisibleOrSpace(c)) {
                at++;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isVisibleOrSpace(char c) {
        return c >= 0x20 && c <= 0x7E;
    }

    @Override
    public String toString() {
        return value;
    }
}
