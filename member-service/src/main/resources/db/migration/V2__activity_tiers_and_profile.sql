-- What a purchase was for: the item categories feed the "distinct categories" gold standard.
create table purchase_item (
    purchase_id  uuid         not null references purchase (id),
    line         int          not null,
    category     varchar(40)  not null,
    description  varchar(200),
    amount_fen   bigint       not null check (amount_fen > 0),
    primary key (purchase_id, line)
);
create index purchase_item_category on purchase_item (category);

create table refund (
    id                   uuid primary key,
    purchase_id          uuid         not null references purchase (id),
    member_id            uuid         not null references member (id),
    external_refund_id   varchar(100) not null unique,
    amount_fen           bigint       not null check (amount_fen > 0),
    reason               varchar(200),
    occurred_at          timestamptz  not null,
    recorded_at          timestamptz  not null,
    request_fingerprint  varchar(64)  not null
);
create index refund_purchase on refund (purchase_id);
create index refund_member on refund (member_id, occurred_at);

create table visit (
    id                   uuid primary key,
    member_id            uuid         not null references member (id),
    external_visit_id    varchar(100) not null unique,
    branch               varchar(64)  not null,
    occurred_at          timestamptz  not null,
    recorded_at          timestamptz  not null,
    request_fingerprint  varchar(64)  not null
);
create index visit_member on visit (member_id, occurred_at);

-- One score per visit or purchase; a complaint is tracked until resolved.
create table satisfaction (
    id              uuid primary key,
    member_id       uuid         not null references member (id),
    visit_id        uuid unique references visit (id),
    purchase_id     uuid unique references purchase (id),
    score           int          not null check (score between 1 and 5),
    complaint       varchar(2000),
    complaint_open  boolean      not null,
    recorded_at     timestamptz  not null,
    check ((visit_id is null) <> (purchase_id is null))
);
create index satisfaction_member on satisfaction (member_id, recorded_at);

-- Cumulative net spend (purchases minus refunds) decides the tier; never points.
alter table member add column net_spend_fen bigint not null default 0;
alter table member add column tier varchar(10) not null default 'NONE';
alter table member add column first_purchase_at timestamptz;
alter table member add column last_visit_at timestamptz;
alter table member add column needs_tags varchar(40)[] not null default '{}';
alter table member add column suspended_at timestamptz;
alter table member add column erased_at timestamptz;
-- erasure removes the phone: the ciphertext goes, the lookup hash is replaced by a tombstone
alter table member alter column phone_ciphertext drop not null;
create index member_tier on member (tier);
create index member_branch on member (branch);
create index member_last_visit on member (last_visit_at);
create index member_needs_tags on member using gin (needs_tags);
