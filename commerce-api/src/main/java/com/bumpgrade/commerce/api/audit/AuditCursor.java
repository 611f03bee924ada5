package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The audit list's opaque cursor: the chain position of a page's last entry. Opaque so clients pass it back
 * rather than compute it, which leaves the paging key free to change.
 */
final class AuditCursor {
    private static final String PREFIX = "after:";

    private AuditCursor() {
    }

    static String after(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor continues after; no cursor starts at the beginning of the chain. */
    static long position(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                long position = Long.parseLong(decoded.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same refusal as any other cursor that was not given out
        }
        throw ApiException.badRequest("invalid_cursor", "cursor must be the nextCursor of an earlier page");
    }
}
