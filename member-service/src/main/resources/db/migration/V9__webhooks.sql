-- Partners' webhook endpoints: each belongs to a partner (its API key), whose branches scope what it
-- is told. The signing secret is kept encrypted (it must be read back to sign); after a rotation the
-- previous one keeps signing too until previous_secret_until, so the receiver can switch over.
create table webhook_endpoint (
    id                     uuid primary key,
    partner_key_id         uuid          not null references partner_key (id),
    url                    varchar(2000) not null,
    description            varchar(200),
    event_types            varchar(500)  not null,   -- comma-separated, e.g. points.credited,coupon.issued
    secret                 bytea         not null,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    status                 varchar(16)   not null,   -- ACTIVE, DISABLED
    status_reason          varchar(300),
    status_changed_at      timestamptz,
    status_changed_by      varchar(100),
    failing_since          timestamptz,              -- the first failure since the last success
    created_by             varchar(100)  not null,
    created_at             timestamptz   not null
);
create index webhook_endpoint_partner on webhook_endpoint (partner_key_id);

-- One notice for one endpoint, sent until it is acknowledged (2xx) or its retries run out. Its id is
-- the webhook-id the receiver sees on every try and replay, so the receiver can drop repeats.
create table webhook_delivery (
    id               uuid primary key,
    endpoint_id      uuid         not null references webhook_endpoint (id),
    event_id         uuid         not null,
    event_type       varchar(40)  not null,
    member_id        uuid         not null,
    payload          text         not null,
    status           varchar(16)  not null,   -- PENDING, DELIVERED, FAILED
    attempts         integer      not null default 0,
    retry_step       integer      not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz  not null,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(300),
    last_latency_ms  integer,
    delivered_at     timestamptz,
    replayed_at      timestamptz,
    replayed_by      varchar(100),
    constraint webhook_delivery_once unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc);

-- Every try, for the delivery log.
create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid         not null references webhook_delivery (id),
    attempted_at timestamptz  not null,
    status_code  integer,
    error        varchar(300),
    latency_ms   integer      not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
