-- Server-private: each Stripe event as delivered (raw payload and Stripe event id), keyed by the event id.
-- The row is written before the webhook is acknowledged; public evidence lives in webhook_evidence_view.
CREATE TABLE stripe_webhook_delivery (
    evidence_id      VARCHAR(64)  PRIMARY KEY,
    stripe_event_id  VARCHAR(255) NOT NULL UNIQUE,
    payload          TEXT         NOT NULL,
    payload_sha256   CHAR(64)     NOT NULL,
    first_received_at TIMESTAMPTZ NOT NULL,
    last_received_at TIMESTAMPTZ  NOT NULL,
    deliveries       INTEGER      NOT NULL DEFAULT 1
);

-- Public-safe evidence of every Stripe event, built from the StripeEventEvidence events.
CREATE TABLE webhook_evidence_view (
    evidence_id       VARCHAR(64)  PRIMARY KEY,
    event_type        VARCHAR(128) NOT NULL,
    livemode          BOOLEAN      NOT NULL,
    api_version       VARCHAR(64),
    stripe_created_at TIMESTAMPTZ,
    received_at       TIMESTAMPTZ  NOT NULL,
    payload_sha256    CHAR(64)     NOT NULL,
    verification      VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    reason            VARCHAR(128),
    publisher_id      VARCHAR(64),
    subject_type      VARCHAR(64),
    subject_id        VARCHAR(128),
    payload_mismatch  BOOLEAN      NOT NULL DEFAULT FALSE,
    concluded_at      TIMESTAMPTZ,
    version           BIGINT       NOT NULL
);
CREATE INDEX ix_webhook_evidence_status ON webhook_evidence_view (publisher_id, status, event_type);

ALTER TABLE checkout_intent_view
    ADD COLUMN paid_minor        BIGINT,
    ADD COLUMN refunded_minor    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN open_disputes     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN dispute_status    VARCHAR(32),
    ADD COLUMN paid_at           TIMESTAMPTZ,
    ADD COLUMN evidence_ids      JSONB NOT NULL DEFAULT '[]'::jsonb;
