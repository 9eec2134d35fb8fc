create table member (
    id                 uuid primary key,
    name               varchar(100) not null,
    phone_ciphertext   bytea        not null,
    -- HMAC-SHA256 of the E.164 number under a secret key: unique and searchable, not reversible
    phone_hash         varchar(64)  not null unique,
    branch             varchar(64)  not null,
    channel            varchar(20)  not null,
    referral_code      varchar(16),
    device_id          varchar(128),
    marketing_consent  boolean      not null,
    consent_given_at   timestamptz,
    status             varchar(20)  not null,
    registered_at      timestamptz  not null
);

create table purchase (
    id                       uuid primary key,
    member_id                uuid         not null references member (id),
    external_transaction_id  varchar(100) not null unique,
    amount_fen               bigint       not null check (amount_fen > 0),
    branch                   varchar(64)  not null,
    occurred_at              timestamptz  not null,
    recorded_at              timestamptz  not null,
    request_fingerprint      varchar(64)  not null
);
create index purchase_member on purchase (member_id, occurred_at);
