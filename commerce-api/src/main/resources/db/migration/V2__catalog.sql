-- Canonical catalog: publishers, products, offers and their prices. Stripe Price ids are not stored here:
-- where a price is mapped to a Stripe Price, the mapping lives in stripe_private_reference (kind 'price').
CREATE TABLE publisher (
    publisher_id VARCHAR(64)  PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE product (
    product_id   VARCHAR(64)  NOT NULL,
    publisher_id VARCHAR(64)  NOT NULL REFERENCES publisher (publisher_id),
    title        VARCHAR(200) NOT NULL,
    kind         VARCHAR(32)  NOT NULL CHECK (kind IN ('product', 'membership', 'course', 'download', 'service')),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (publisher_id, product_id)
);

CREATE TABLE offer (
    offer_id     VARCHAR(64)  NOT NULL,
    publisher_id VARCHAR(64)  NOT NULL,
    product_id   VARCHAR(64)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    -- 'order_bump' offers may only be added to a checkout next to a main offer
    role         VARCHAR(16)  NOT NULL CHECK (role IN ('main', 'order_bump')),
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (publisher_id, offer_id),
    FOREIGN KEY (publisher_id, product_id) REFERENCES product (publisher_id, product_id)
);

CREATE TABLE price (
    price_id           VARCHAR(64) PRIMARY KEY,
    publisher_id       VARCHAR(64) NOT NULL,
    offer_id           VARCHAR(64) NOT NULL,
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency           CHAR(3)     NOT NULL,
    billing_type       VARCHAR(16) NOT NULL CHECK (billing_type IN ('one_time', 'recurring')),
    recurring_interval VARCHAR(8)  CHECK (recurring_interval IN ('day', 'week', 'month', 'year')),
    interval_count     INTEGER,
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (publisher_id, offer_id) REFERENCES offer (publisher_id, offer_id),
    CHECK ((billing_type = 'one_time') = (recurring_interval IS NULL))
);
-- at most one active price per offer: the checkout never has to guess
CREATE UNIQUE INDEX uq_price_active_offer ON price (publisher_id, offer_id) WHERE active;

INSERT INTO publisher (publisher_id, display_name) VALUES ('demo', 'Bumpgrade demo publisher');
INSERT INTO product (product_id, publisher_id, title, kind) VALUES
    ('launch-pass', 'demo', 'Bumpgrade launch pass', 'product'),
    ('launch-templates', 'demo', 'Bumpgrade launch templates', 'download');
INSERT INTO offer (offer_id, publisher_id, product_id, title, role) VALUES
    ('launch-pass', 'demo', 'launch-pass', 'Bumpgrade launch pass', 'main'),
    ('launch-templates', 'demo', 'launch-templates', 'Bumpgrade launch templates', 'order_bump');
INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type) VALUES
    ('price-launch-pass-usd', 'demo', 'launch-pass', 900, 'USD', 'one_time'),
    ('price-launch-templates-usd', 'demo', 'launch-templates', 500, 'USD', 'one_time');
