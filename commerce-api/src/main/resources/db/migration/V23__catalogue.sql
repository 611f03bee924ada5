-- The owner catalogue (issue 10, decision D75): products and offers become event-sourced aggregates; these tables
-- are their read model, built by CatalogProjection. Seeded rows (V2, V8, V9, tests) have no key and no version:
-- they were published by migration and are left alone by the projection (its reset removes only keyed rows).
ALTER TABLE product
    ADD COLUMN product_key VARCHAR(40) UNIQUE,
    ADD COLUMN version     BIGINT,
    ADD COLUMN updated_at  TIMESTAMPTZ;

ALTER TABLE offer DROP CONSTRAINT offer_role_check;
ALTER TABLE offer ADD CONSTRAINT offer_role_check CHECK (role IN ('main', 'order_bump', 'upsell', 'downsell'));
-- products and offers are separate aggregates, so their events may be projected in either order
ALTER TABLE offer DROP CONSTRAINT offer_publisher_id_product_id_fkey;
ALTER TABLE offer
    ADD COLUMN offer_key    VARCHAR(40) UNIQUE,
    ADD COLUMN version      BIGINT,
    ADD COLUMN status       VARCHAR(16) NOT NULL DEFAULT 'published'
        CHECK (status IN ('draft', 'published', 'archived')),
    ADD COLUMN stripe_sync  VARCHAR(16) NOT NULL DEFAULT 'pending' CHECK (stripe_sync IN ('pending', 'mapped')),
    ADD COLUMN published_at TIMESTAMPTZ,
    ADD COLUMN updated_at   TIMESTAMPTZ;
UPDATE offer SET status = CASE WHEN active THEN 'published' ELSE 'archived' END;

-- Issue 9 items 3-4 read these; empty until the catalogue edits them (D75): a main offer's ordered order bumps,
-- and its post-purchase path, an ordered list of steps, each offering one upsell or downsell, where a decline may
-- lead to another step (a downsell) and an accept or the end of the list ends the path.
CREATE TABLE offer_order_bump (
    publisher_id  VARCHAR(64) NOT NULL,
    main_offer_id VARCHAR(64) NOT NULL,
    position      INTEGER     NOT NULL CHECK (position >= 1),
    bump_offer_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (publisher_id, main_offer_id, position),
    UNIQUE (publisher_id, main_offer_id, bump_offer_id)
);

CREATE TABLE offer_post_purchase_step (
    publisher_id     VARCHAR(64) NOT NULL,
    main_offer_id    VARCHAR(64) NOT NULL,
    step             INTEGER     NOT NULL CHECK (step >= 1),
    offer_id         VARCHAR(64) NOT NULL,
    role             VARCHAR(16) NOT NULL CHECK (role IN ('upsell', 'downsell')),
    on_decline_step  INTEGER,
    PRIMARY KEY (publisher_id, main_offer_id, step)
);
