-- Issue 9 item 3 (D87, D88): post-purchase paths and their decision evidence.
-- A path row written by migration is a seed: like the seeded offers it has no event behind it, so the catalogue's
-- reset keeps it; a row written from PostPurchasePathSet is removed by the reset and comes back on replay.
ALTER TABLE offer_post_purchase_step ADD COLUMN seeded BOOLEAN NOT NULL DEFAULT FALSE;

-- The seed path of launch-pass: an upsell, and a downsell shown when the upsell is declined, seeded as V2 seeds.
INSERT INTO product (product_id, publisher_id, title, kind) VALUES
    ('launch-coaching', 'demo', 'Bumpgrade launch coaching', 'service'),
    ('launch-workbook', 'demo', 'Bumpgrade launch workbook', 'download');
INSERT INTO offer (offer_id, publisher_id, product_id, title, role) VALUES
    ('launch-coaching', 'demo', 'launch-coaching', 'Bumpgrade launch coaching', 'upsell'),
    ('launch-workbook', 'demo', 'launch-workbook', 'Bumpgrade launch workbook', 'downsell');
INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type) VALUES
    ('price-launch-coaching-usd', 'demo', 'launch-coaching', 1900, 'USD', 'one_time'),
    ('price-launch-workbook-usd', 'demo', 'launch-workbook', 700, 'USD', 'one_time');
INSERT INTO offer_post_purchase_step (publisher_id, main_offer_id, step, offer_id, role, on_decline_step, seeded)
VALUES ('demo', 'launch-pass', 1, 'launch-coaching', 'upsell', 2, TRUE),
       ('demo', 'launch-pass', 2, 'launch-workbook', 'downsell', NULL, TRUE);

-- The intent's decisions (its view's postPurchase) and the path its first decision fixed.
ALTER TABLE checkout_intent_view
    ADD COLUMN post_purchase      JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN post_purchase_path JSONB;
