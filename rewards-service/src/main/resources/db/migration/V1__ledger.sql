-- A double-entry points ledger. Every movement is a transaction whose entries sum to zero;
-- entries are never updated or deleted. An account's balance column is a cache of the sum of
-- its entries, kept in the same transaction as the entries.
create table ledger_account (
    id         uuid primary key,
    member_id  uuid,
    kind       varchar(30) not null,
    -- cached sum of the entries for member accounts; null for the busy program accounts, summed on demand
    balance    bigint
);
-- one account of each kind per member, and one of each program kind (member_id null)
create unique index ledger_account_member_kind on ledger_account (member_id, kind) where member_id is not null;
create unique index ledger_account_program_kind on ledger_account (kind) where member_id is null;

create table ledger_transaction (
    id               uuid primary key,
    -- source + rule + level: a second credit for the same cause is impossible, not just unlikely
    idempotency_key  varchar(200) not null unique,
    member_id        uuid,
    reason           varchar(40)  not null,
    source_type      varchar(40)  not null,
    source_id        varchar(100) not null,
    source_event_id  uuid,
    rule_id          varchar(60),
    rule_version     int,
    chain_level      int,
    explanation      varchar(500) not null,
    occurred_at      timestamptz  not null,
    recorded_at      timestamptz  not null
);
create index ledger_transaction_member on ledger_transaction (member_id, recorded_at);

create table ledger_entry (
    id              bigserial primary key,
    transaction_id  uuid        not null references ledger_transaction (id),
    account_id      uuid        not null references ledger_account (id),
    amount          bigint      not null check (amount <> 0),
    -- for points credited as pending: when the holding period ends
    available_at    timestamptz
);
create index ledger_entry_account on ledger_entry (account_id);
create index ledger_entry_transaction on ledger_entry (transaction_id);
