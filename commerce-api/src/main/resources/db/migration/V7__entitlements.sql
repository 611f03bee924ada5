-- The entitlement policy's memory: which offers each checkout bought (rebuilt from CheckoutStarted).
CREATE TABLE entitlement_purchase (
    checkout_intent_id VARCHAR(64) NOT NULL,
    offer_id           VARCHAR(64) NOT NULL,
    publisher_id       VARCHAR(64) NOT NULL,
    PRIMARY KEY (checkout_intent_id, offer_id)
);

CREATE TABLE entitlement_view (
    entitlement_id     VARCHAR(64)  PRIMARY KEY,
    publisher_id       VARCHAR(64)  NOT NULL,
    checkout_intent_id VARCHAR(64)  NOT NULL,
    offer_id           VARCHAR(64)  NOT NULL,
    customer_id        VARCHAR(64)  NOT NULL,
    access             VARCHAR(16)  NOT NULL,
    access_until       TIMESTAMPTZ,
    fulfillment_status VARCHAR(16),
    evidence_ids       JSONB        NOT NULL DEFAULT '[]'::jsonb,
    version            BIGINT       NOT NULL,
    granted_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_entitlement_checkout ON entitlement_view (publisher_id, checkout_intent_id);
