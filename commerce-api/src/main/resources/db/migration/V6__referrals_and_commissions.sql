-- Referral partners of a publisher, with their commission rule (basis points of the amount paid).
CREATE TABLE partner (
    publisher_id           VARCHAR(64)  NOT NULL REFERENCES publisher (publisher_id),
    partner_id             VARCHAR(64)  NOT NULL,
    display_name           VARCHAR(200) NOT NULL,
    referral_code          VARCHAR(64)  NOT NULL,
    commission_basis_points INTEGER     NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
    active                 BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (publisher_id, partner_id),
    CONSTRAINT uq_partner_code UNIQUE (publisher_id, referral_code)
);

-- One row per recorded click: only what attribution needs (no IP address, no user agent, no cookie).
CREATE TABLE referral_click (
    click_id             VARCHAR(64) PRIMARY KEY,
    publisher_id         VARCHAR(64) NOT NULL,
    partner_id           VARCHAR(64) NOT NULL,
    clicked_at           TIMESTAMPTZ NOT NULL,
    consumed_by_checkout VARCHAR(64),
    consumed_at          TIMESTAMPTZ,
    FOREIGN KEY (publisher_id, partner_id) REFERENCES partner (publisher_id, partner_id)
);
CREATE INDEX ix_referral_click_publisher ON referral_click (publisher_id, clicked_at);

INSERT INTO partner (publisher_id, partner_id, display_name, referral_code, commission_basis_points)
VALUES ('demo', 'partner-ada', 'Ada Partner', 'ADA30', 3000);

-- The commission policy's own memory: which checkout carries which attribution (rebuilt from events).
CREATE TABLE commission_attribution (
    checkout_intent_id      VARCHAR(64) PRIMARY KEY,
    publisher_id            VARCHAR(64) NOT NULL,
    click_id                VARCHAR(64) NOT NULL,
    partner_id              VARCHAR(64) NOT NULL,
    commission_basis_points INTEGER     NOT NULL,
    -- set once this checkout's payment opened (or found) the entry of its click
    entry_opened            BOOLEAN     NOT NULL DEFAULT FALSE
);

-- Read models of the commission ledger.
CREATE TABLE commission_entry_view (
    entry_id                VARCHAR(64)  PRIMARY KEY,
    publisher_id            VARCHAR(64)  NOT NULL,
    partner_id              VARCHAR(64)  NOT NULL,
    checkout_intent_id      VARCHAR(64)  NOT NULL,
    click_id                VARCHAR(64)  NOT NULL,
    status                  VARCHAR(32)  NOT NULL,
    reviewed                BOOLEAN      NOT NULL DEFAULT FALSE,
    holds                   JSONB        NOT NULL DEFAULT '[]'::jsonb,
    currency                CHAR(3)      NOT NULL,
    amount_paid_minor       BIGINT       NOT NULL,
    commission_basis_points INTEGER      NOT NULL,
    commission_minor        BIGINT       NOT NULL,
    reversed_minor          BIGINT       NOT NULL DEFAULT 0,
    evidence_ids            JSONB        NOT NULL DEFAULT '[]'::jsonb,
    version                 BIGINT       NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_commission_entry_partner ON commission_entry_view (publisher_id, partner_id, status);

CREATE TABLE commission_line_view (
    entry_id     VARCHAR(64)  NOT NULL,
    line_number  INTEGER      NOT NULL,
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('commission', 'reversal')),
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    reason       VARCHAR(200),
    evidence_id  VARCHAR(64),
    actor        VARCHAR(128),
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (entry_id, line_number)
);

ALTER TABLE checkout_intent_view
    ADD COLUMN referral_click_id VARCHAR(64),
    ADD COLUMN referral_partner_id VARCHAR(64);
