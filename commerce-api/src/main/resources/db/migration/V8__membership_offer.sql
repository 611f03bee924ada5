-- A publisher membership sold by subscription (Stripe Billing), for the subscription checkout path.
INSERT INTO product (product_id, publisher_id, title, kind)
VALUES ('demo-membership', 'demo', 'Bumpgrade demo membership', 'membership');
INSERT INTO offer (offer_id, publisher_id, product_id, title, role)
VALUES ('demo-membership', 'demo', 'demo-membership', 'Bumpgrade demo membership', 'main');
INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type, recurring_interval,
                   interval_count)
VALUES ('price-demo-membership-usd-month', 'demo', 'demo-membership', 1500, 'USD', 'recurring', 'month', 1);

ALTER TABLE entitlement_view
    ADD COLUMN subscription_status VARCHAR(32),
    ADD COLUMN grace_until TIMESTAMPTZ,
    ADD COLUMN last_stripe_state_at TIMESTAMPTZ;
