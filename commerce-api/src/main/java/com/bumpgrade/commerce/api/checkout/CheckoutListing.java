package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import com.bumpgrade.commerce.domain.checkout.WhichCheckoutIntents;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentPage;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The query parameters of {@code GET /api/commerce/checkout-intents}, checked into a {@link WhichCheckoutIntents},
 * and the opaque cursor: the position (creation time and id) of a page's last intent, base64url-encoded. A cursor
 * only says where to continue; the publisher always comes from the token, so another publisher's cursor shows
 * nothing of theirs.
 */
public final class CheckoutListing {
    static final int DEFAULT_LIMIT = 20;
    static final String[] STATUSES = Arrays.stream(CheckoutStatus.values()).map(CheckoutStatus::publicName)
            .toArray(String[]::new);

    /** The answer: one page, and the cursor of the next one while more follow. */
    public record CheckoutList(List<CheckoutIntentView> checkouts, String nextCursor) {
    }

    private CheckoutListing() {
    }

    public static WhichCheckoutIntents query(PublisherId publisher, String status, String from, String to,
                                             String cursor, String limit) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("invalid_time_range", "from must be before to.");
        }
        return new WhichCheckoutIntents(publisher, status(status), start, end, position(cursor), limit(limit));
    }

    public static CheckoutList render(CheckoutIntentPage page) {
        List<CheckoutIntentView> checkouts = page.checkouts();
        String next = page.more() && !checkouts.isEmpty() ? cursor(checkouts.get(checkouts.size() - 1)) : null;
        return new CheckoutList(checkouts, next);
    }

    static String cursor(CheckoutIntentView last) {
        String position = last.createdAt() + "|" + last.checkoutIntentId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static WhichCheckoutIntents.Position position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2 && CheckoutIntentId.isWellFormed(parts[1])) {
                return new WhichCheckoutIntents.Position(Instant.parse(parts[0]), CheckoutIntentId.of(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // not one of ours: answered below like any other unreadable cursor
        }
        throw ApiException.badRequest("invalid_cursor", "cursor must be a nextCursor from an earlier page.");
    }

    private static CheckoutStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        if (Arrays.asList(STATUSES).contains(status)) {
            return CheckoutStatus.fromPublicName(status);
        }
        throw ApiException.badRequest("invalid_status", "status must be one of " + String.join(", ", STATUSES) + ".");
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_time", name + " must be an ISO-8601 time with an offset, "
                    + "such as 2026-12-01T00:00:00Z.");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= WhichCheckoutIntents.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid_limit", "limit must be a whole number from 1 to "
                + WhichCheckoutIntents.MAX_LIMIT + ".");
    }
}
