-- A reversal (a refund undoing a credit) names the credit it undoes, so what is left of a credit
-- is its amount minus its reversals, and a repeated refund event cannot undo more.
alter table ledger_transaction add column reverses_transaction_id uuid references ledger_transaction (id);
create index ledger_transaction_reverses on ledger_transaction (reverses_transaction_id)
    where reverses_transaction_id is not null;
create index ledger_transaction_source on ledger_transaction (source_type, source_id);

-- Available points by the lot they were earned in. Spending takes the oldest lots first; expiry
-- takes what is left of a lot at its end. A projection kept beside the immutable ledger and
-- changed only in the ledger transaction that moves the points.
create table points_lot (
    id                     uuid primary key,
    member_id              uuid        not null,
    source_transaction_id  uuid        not null unique references ledger_transaction (id),
    earned_at              timestamptz not null,
    expires_at             timestamptz not null,
    amount                 bigint      not null check (amount > 0),
    remaining              bigint      not null check (remaining >= 0 and remaining <= amount)
);
create index points_lot_open on points_lot (member_id, expires_at) where remaining > 0;
create index points_lot_expiry on points_lot (expires_at) where remaining > 0;

-- Points paid at a till, idempotent by the till's transaction id.
create table redemption (
    id                       uuid primary key,
    member_id                uuid         not null,
    external_transaction_id  varchar(100) not null unique,
    points                   bigint       not null check (points > 0),
    branch                   varchar(64)  not null,
    ledger_transaction_id    uuid         not null references ledger_transaction (id),
    -- the answer a retry gets back: the balance right after this redemption
    available_after          bigint       not null,
    redeemed_at              timestamptz  not null
);
create index redemption_member on redemption (member_id, redeemed_at);
