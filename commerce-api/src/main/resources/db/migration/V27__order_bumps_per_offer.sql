-- Issue 9 item 4 (D90): a checkout sells only the order bumps its main offer lists. The seeded launch pass lists
-- the seeded templates, as every checkout with bumps sold them before; like every seed row it has no key, and its
-- adoption event carries the list (SeededOfferAdopted), so a replay rebuilds it.
INSERT INTO offer_order_bump (publisher_id, main_offer_id, position, bump_offer_id)
VALUES ('demo', 'launch-pass', 1, 'launch-templates')
ON CONFLICT DO NOTHING;

-- How the checkout sells its bumps (D91): preselected (line items) or buyer_choice (Stripe optional items).
ALTER TABLE checkout_intent_view
    ADD COLUMN order_bump_mode VARCHAR(16) NOT NULL DEFAULT 'preselected'
        CHECK (order_bump_mode IN ('preselected', 'buyer_choice'));
