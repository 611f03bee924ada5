package com.bumpgrade.commerce.api.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events of one real purchase as the service stored them (checkout started and session opened, webhook
 * evidence received and concluded, checkout paid, entitlement granted, fulfillment queued: every stream that
 * mentions the paid checkout), with each id in them (Bumpgrade ids such as {@code chk_…} and UUIDs such as event,
 * trace and correlation ids) turned into a slot. A clone fills the slots with fresh ids of the same shape, the same
 * id for the same slot everywhere, so it is the same purchase by other ids, in the service's own serialized form.
 */
final class PurchaseTemplate {
    private static final Pattern ID = Pattern.compile(
            "\\b([a-z]{2,5}_)[0-9a-f]{32}\\b|\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Literal pieces around slots: literals has one more element than slots. */
    record Text(String[] literals, int[] slots) {
        String fill(String[] ids) {
            StringBuilder text = new StringBuilder(literals[0]);
            for (int i = 0; i < slots.length; i++) {
                text.append(ids[slots[i]]).append(literals[i + 1]);
            }
            return text.toString();
        }

        byte[] bytes(String[] ids) {
            return fill(ids).getBytes(StandardCharsets.UTF_8);
        }
    }

    record Event(Text eventId, Text aggregateId, long sequence, String type, String payloadType, String revision,
                 Text payload, Text metaData) {
    }

    private final List<Event> events = new ArrayList<>();
    /** Per slot: the prefix of a Bumpgrade id ({@code chk_}), or null for a UUID. */
    private final List<String> slotPrefixes = new ArrayList<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();

    private PurchaseTemplate() {
    }

    static PurchaseTemplate load(Connection connection) throws Exception {
        PurchaseTemplate template = new PurchaseTemplate();
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH paid AS (SELECT aggregate_identifier AS id FROM domain_event_entry
                              WHERE payload_type LIKE '%.CheckoutPaid' ORDER BY global_index DESC LIMIT 1),
                     related AS (SELECT DISTINCT e.aggregate_identifier FROM domain_event_entry e, paid
                                 WHERE e.aggregate_identifier = paid.id
                                    OR position(paid.id IN convert_from(e.payload, 'UTF8')) > 0)
                SELECT event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                       payload_revision, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                FROM domain_event_entry WHERE aggregate_identifier IN (SELECT aggregate_identifier FROM related)
                ORDER BY global_index"""); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                template.events.add(new Event(template.text(rs.getString(1)), template.text(rs.getString(2)),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        template.text(rs.getString(7)), rs.getString(8) == null ? null
                        : template.text(rs.getString(8))));
            }
        }
        if (template.events.isEmpty()) {
            throw new IllegalStateException("no paid checkout in the store to copy");
        }
        return template;
    }

    private Text text(String value) {
        List<String> literals = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        Matcher matcher = ID.matcher(value);
        int from = 0;
        while (matcher.find()) {
            literals.add(value.substring(from, matcher.start()));
            String prefix = matcher.group(1);
            slotList.add(slots.computeIfAbsent(matcher.group(), id -> {
                slotPrefixes.add(prefix);
                return slotPrefixes.size() - 1;
            }));
            from = matcher.end();
        }
        literals.add(value.substring(from));
        return new Text(literals.toArray(String[]::new), slotList.stream().mapToInt(Integer::intValue).toArray());
    }

    List<Event> events() {
        return events;
    }

    /** What the template's events look like, for the report: their payload types, short. */
    String describe() {
        return String.join(", ", events.stream().map(e -> e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1))
                .toList());
    }

    /** Fresh ids for one clone, one per slot. */
    String[] freshIds(Random random) {
        String[] ids = new String[slotPrefixes.size()];
        for (int i = 0; i < ids.length; i++) {
            String prefix = slotPrefixes.get(i);
            ids[i] = prefix == null ? new UUID(random.nextLong(), random.nextLong()).toString() : prefix + hex32(random);
        }
        return ids;
    }

    private static String hex32(Random random) {
        char[] hex = new char[32];
        for (int i = 0; i < 32; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16; j++) {
                hex[i + j] = HEX[(int) (bits >>> (4 * j)) & 0xf];
            }
        }
        return new String(hex);
    }
}
