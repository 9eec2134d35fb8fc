-- The incentive budget: what rewards were issued in each period (points at their value in fen,
-- coupons at face value; reversals and voids as negative rows), against that period's revenue.
create table budget_use (
    id         bigserial primary key,
    period     varchar(7)   not null,
    value_fen  bigint       not null,
    kind       varchar(20)  not null,
    -- what it counts, by the paying posting's or coupon's key: counted once
    source     varchar(200) not null unique,
    at         timestamptz  not null
);
create index budget_use_period on budget_use (period);

-- Rewards that would have passed the cap: kept, visible, and paid when budget frees up or an
-- operator approves; cancelled only when their cause is undone (a full refund, a reversal).
create table held_reward (
    id               uuid primary key,
    idempotency_key  varchar(200) not null unique,
    period           varchar(7)   not null,
    member_id        uuid         not null,
    kind             varchar(20)  not null,
    value_fen        bigint       not null,
    payload          text         not null,
    reason           varchar(300) not null,
    status           varchar(20)  not null,
    held_at          timestamptz  not null,
    decided_at       timestamptz,
    decided_by       varchar(100),
    decision_note    varchar(300)
);
create index held_reward_open on held_reward (held_at) where status = 'HELD';
create index held_reward_member on held_reward (member_id);
