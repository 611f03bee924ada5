-- The buyer links behind GET /portal/{portalRef}: random, single-use, short-lived references (security issue 13).
-- Only the SHA-256 of a reference is kept, so this table cannot hand a live link to whoever reads it. The portal
-- session it opens is named by its public-safe id; Stripe's URL for it stays in stripe_private_reference.
CREATE TABLE portal_reference (
    ref_digest        CHAR(64)    PRIMARY KEY,
    portal_session_id VARCHAR(64) NOT NULL,
    entitlement_id    VARCHAR(64) NOT NULL,
    publisher_id      VARCHAR(64) NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    used_at           TIMESTAMPTZ
);
CREATE INDEX ix_portal_reference_expiry ON portal_reference (expires_at);
