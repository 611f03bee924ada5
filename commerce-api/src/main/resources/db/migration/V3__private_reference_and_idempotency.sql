-- The only place raw Stripe values live (rule 3). Never exposed by any route, log line or event.
CREATE TABLE stripe_private_reference (
    bumpgrade_id VARCHAR(128) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    stripe_value TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (bumpgrade_id, kind)
);
CREATE INDEX ix_stripe_reference_value ON stripe_private_reference (kind, stripe_value);

-- First response of every billing-impacting write, per caller and Idempotency-Key (rule 2).
CREATE TABLE idempotency_record (
    scope               VARCHAR(300) NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint CHAR(64)     NOT NULL,
    state               VARCHAR(16)  NOT NULL CHECK (state IN ('in_progress', 'completed')),
    response_status     INTEGER,
    response_body       TEXT,
    claimed_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    PRIMARY KEY (scope, idempotency_key)
);
