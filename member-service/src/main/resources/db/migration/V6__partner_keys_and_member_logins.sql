-- Partners' API keys. The key itself is shown once at creation; only its SHA-256 is kept (the key
-- has 192 random bits, so a fast hash is enough), found by its public prefix.
create table partner_key (
    id                  uuid primary key,
    prefix              varchar(16)  not null unique,
    secret_hash         bytea        not null,
    name                varchar(100) not null,
    branches            varchar(2000) not null,   -- comma-separated; branch names hold no commas
    requests_per_minute integer      not null,
    created_by          varchar(100) not null,
    created_at          timestamptz  not null,
    revoked_by          varchar(100),
    revoked_at          timestamptz,
    last_used_at        timestamptz
);

-- The one live login code of a phone: only a keyed hash of it, with its expiry and the guesses made.
create table login_code (
    phone_hash  varchar(64) primary key,
    member_id   uuid        not null,
    code_hash   varchar(64) not null,
    expires_at  timestamptz not null,
    attempts    integer     not null default 0
);

-- Every code sent (or asked for an unknown number), for the per-phone and per-address limits.
create table login_code_request (
    phone_hash    varchar(64) not null,
    address_hash  varchar(64) not null,
    requested_at  timestamptz not null
);
create index login_code_request_phone on login_code_request (phone_hash, requested_at);
create index login_code_request_address on login_code_request (address_hash, requested_at);

-- A member's login on a device: its refresh tokens rotate; reusing a spent one ends the session.
create table member_session (
    id          uuid primary key,
    member_id   uuid        not null,
    created_at  timestamptz not null,
    ended_at    timestamptz,
    ended_why   varchar(40)
);
create index member_session_member on member_session (member_id);

create table refresh_token (
    id          uuid primary key,         -- the token's jti
    session_id  uuid        not null references member_session (id),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_token_session on refresh_token (session_id);
