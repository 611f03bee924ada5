-- Revocation intents (issue 9): owner-visible, non-destructive records of an intent to remove access.
-- A read model, rebuilt by replay like the others.
CREATE TABLE revocation_intent_view (
    revocation_intent_id VARCHAR(64)  PRIMARY KEY,
    publisher_id         VARCHAR(64)  NOT NULL,
    entitlement_id       VARCHAR(64)  NOT NULL,
    checkout_intent_id   VARCHAR(64)  NOT NULL,
    offer_id             VARCHAR(64)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    reason               VARCHAR(200) NOT NULL,
    source               JSONB        NOT NULL,
    decision             JSONB,
    evidence_ids         JSONB        NOT NULL DEFAULT '[]'::jsonb,
    version              BIGINT       NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_revocation_publisher ON revocation_intent_view (publisher_id, created_at);
CREATE INDEX ix_revocation_entitlement ON revocation_intent_view (publisher_id, entitlement_id);

-- The entitlement's latest revocation intent and the status it opened with (the intent's view has the current one).
ALTER TABLE entitlement_view ADD COLUMN revocation_intent_id VARCHAR(64),
                             ADD COLUMN revocation_status    VARCHAR(16);
