-- D45: the dead letters of the eight processing groups of earlier releases move to the group that replaced
-- theirs, so the retrier, the re-drive and the evidence status keep finding them. Within a sequence (one
-- aggregate) the order is kept: enqueue time, then the old index. Indexes are renumbered, because two old
-- groups may hold letters of the same aggregate.
WITH regrouped AS (
    SELECT dead_letter_id, sequence_identifier, enqueued_at, sequence_index, processing_group,
           CASE WHEN processing_group IN ('stripe-event-translation', 'commission-policy', 'entitlement-policy')
                THEN 'reactions' ELSE 'read-models' END AS new_group
    FROM dead_letter_entry
    WHERE processing_group IN ('stripe-event-translation', 'commission-policy', 'entitlement-policy',
                               'checkout-view', 'webhook-evidence-view', 'commission-view', 'entitlement-view')
), moved AS (
    SELECT dead_letter_id, new_group,
           row_number() OVER (PARTITION BY new_group, sequence_identifier
                              ORDER BY enqueued_at, sequence_index, processing_group) - 1 AS new_index
    FROM regrouped
)
UPDATE dead_letter_entry d
SET processing_group = m.new_group, sequence_index = m.new_index
FROM moved m
WHERE d.dead_letter_id = m.dead_letter_id;
