-- Keyset paging of GET /api/commerce/checkout-intents (newest first, then id) and the buyer lookup of
-- GET /api/commerce/entitlements?customerId= (decision D69).
CREATE INDEX ix_checkout_view_listing ON checkout_intent_view (publisher_id, created_at DESC, checkout_intent_id DESC);
CREATE INDEX ix_entitlement_customer ON entitlement_view (publisher_id, customer_id);
