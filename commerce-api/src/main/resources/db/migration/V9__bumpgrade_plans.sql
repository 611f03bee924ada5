-- Bumpgrade's own plans, sold to publishers (the only offers that may use live subscription checkout).
INSERT INTO publisher (publisher_id, display_name) VALUES ('bumpgrade', 'Bumpgrade');
INSERT INTO product (product_id, publisher_id, title, kind)
VALUES ('creator-plan', 'bumpgrade', 'Bumpgrade creator plan', 'membership');
INSERT INTO offer (offer_id, publisher_id, product_id, title, role)
VALUES ('creator-plan', 'bumpgrade', 'creator-plan', 'Bumpgrade creator plan', 'main');
INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type, recurring_interval,
                   interval_count)
VALUES ('price-creator-plan-usd-month', 'bumpgrade', 'creator-plan', 2900, 'USD', 'recurring', 'month', 1);
