-- The audit chain in event-store order, with each publisher's head kept apart from the entries (decision D56).
-- Entry hashes now cover the chain position and the event's store position, so the trail is rebuilt: the
-- entries are emptied and the audit-trail processor's token removed, and on start it replays the event store
-- from the beginning (Axon's initial token for a group without one), chaining every entry again.
TRUNCATE audit_entry RESTART IDENTITY;
DELETE FROM token_entry WHERE processor_name = 'audit-trail';

ALTER TABLE audit_entry
    ADD COLUMN global_index   BIGINT NOT NULL,
    ADD COLUMN chain_position BIGINT NOT NULL;
-- deferred: a late event re-links the tail of its chain, moving positions within one transaction
ALTER TABLE audit_entry
    ADD CONSTRAINT uq_audit_chain_position UNIQUE (publisher_id, chain_position) DEFERRABLE INITIALLY DEFERRED;
DROP INDEX ix_audit_publisher;
CREATE INDEX ix_audit_publisher_store_order ON audit_entry (publisher_id, global_index);

CREATE TABLE audit_chain_head (
    publisher_id         VARCHAR(64) PRIMARY KEY,
    length               BIGINT      NOT NULL,
    head_hash            CHAR(64)    NOT NULL,
    highest_global_index BIGINT      NOT NULL
);
