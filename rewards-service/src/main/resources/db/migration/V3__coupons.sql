-- Coupon templates that operators define, and the coupons issued from them. A coupon is single
-- use; each change of state is also written to coupon_movement (never updated), so every coupon
-- movement has its reason and source like every point movement.
create table coupon_template (
    id                uuid primary key,
    name              varchar(100) not null,
    face_value_fen    bigint       not null check (face_value_fen > 0),
    min_spend_fen     bigint       not null check (min_spend_fen >= 0),
    valid_days        int          not null check (valid_days > 0),
    per_member_limit  int          check (per_member_limit > 0),
    active            boolean      not null default true,
    created_at        timestamptz  not null
);

create table coupon (
    id                       uuid primary key,
    -- the cause, such as "referral-qualified:{referral}" or "staff:{request}": issued once
    idempotency_key          varchar(200) not null unique,
    template_id              uuid         not null references coupon_template (id),
    member_id                uuid         not null,
    face_value_fen           bigint       not null,
    min_spend_fen            bigint       not null,
    status                   varchar(20)  not null,
    reason                   varchar(40)  not null,
    source_type              varchar(40)  not null,
    source_id                varchar(100) not null,
    rule_id                  varchar(60),
    rule_version             int,
    staff_id                 varchar(64),
    issued_at                timestamptz  not null,
    valid_until              timestamptz  not null,
    redeemed_at              timestamptz,
    redemption_transaction   varchar(100) unique,
    redeemed_branch          varchar(64),
    ended_at                 timestamptz,
    end_reason               varchar(200)
);
create index coupon_member on coupon (member_id, issued_at);
create index coupon_open_expiry on coupon (valid_until) where status = 'ISSUED';
create index coupon_source on coupon (source_type, source_id);

create table coupon_movement (
    id           bigserial primary key,
    coupon_id    uuid         not null references coupon (id),
    kind         varchar(20)  not null,
    reason       varchar(200) not null,
    source_type  varchar(40)  not null,
    source_id    varchar(100) not null,
    at           timestamptz  not null
);
create index coupon_movement_coupon on coupon_movement (coupon_id);

-- What each member of staff may give away at their discretion, per calendar month.
create table staff_allowance_use (
    staff_id   varchar(64)  not null,
    month      varchar(7)   not null,
    used_fen   bigint       not null check (used_fen >= 0),
    primary key (staff_id, month)
);
