-- The ack's INSERT … ON CONFLICT can arbitrate one unique index only; two concurrent first deliveries of one event
-- then collided on the other one (a duplicate-key error instead of a redelivery). The evidence id is a one-way hash
-- of the Stripe event id, so the primary key alone keeps one row per event; the second unique index goes.
ALTER TABLE stripe_webhook_delivery DROP CONSTRAINT stripe_webhook_delivery_stripe_event_id_key;
