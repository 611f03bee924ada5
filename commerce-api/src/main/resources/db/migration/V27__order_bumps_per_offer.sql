-- Issue 9 item 4 (D90): a checkout sells only the order bumps its main offer lists. The seeded launch pass lists
-- the seeded templates, as every checkout with bumps sold them before; like every seed row it has no key, and its
-- adoption event carries the list (SeededOfferAdopted), so a replay rebuilds it. A launch pass adopted before
-- this migration is the catalogue's already (its events list no bumps): its owner sets its list.
INSERT INTO offer_order_bump (publisher_id, main_offer_id, position, bump_offer_id)
SELECT 'demo', 'launch-pass', 1, 'launch-templates'
WHERE EXISTS (SELECT 1 FROM offer WHERE publisher_id = 'demo' AND offer_id = 'launch-pass' AND offer_key IS NULL)
  AND EXISTS (SELECT 1 FROM offer WHERE publisher_id = 'demo' AND offer_id = 'launch-templates')
ON CONFLICT DO NOTHING;

-- How the checkout sells its bumps (D91): preselected (line items) or buyer_choice (Stripe optional items).
ALTER TABLE checkout_intent_view
    ADD COLUMN order_bump_mode VARCHAR(16) NOT NULL DEFAULT 'preselected'
        CHECK (order_bump_mode IN ('preselected', 'buyer_choice'));
