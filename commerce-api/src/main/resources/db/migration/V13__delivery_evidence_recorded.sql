-- The webhook ack now writes the delivery row and the evidence event in one transaction, so a row always has its
-- evidence. Rows of the earlier release were committed before the evidence command ran; a row whose command failed
-- has no evidence yet, and its redelivery must still create it instead of being answered as a duplicate.
ALTER TABLE stripe_webhook_delivery ADD COLUMN evidence_recorded BOOLEAN NOT NULL DEFAULT TRUE;

UPDATE stripe_webhook_delivery d SET evidence_recorded = FALSE
WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.aggregate_identifier = d.evidence_id);
