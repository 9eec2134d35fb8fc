-- Members as the referral service knows them, with their referrers up to the legal ceiling of
-- three levels stored on the row (a materialized path): a chain is one row read, never a walk.
create table referral_member (
    member_id      uuid primary key,
    masked_name    varchar(40)  not null,
    phone_hash     varchar(64)  not null,
    device_id      varchar(128),
    branch         varchar(64)  not null,
    registered_at  timestamptz  not null,
    referrer_l1    uuid references referral_member (member_id),
    referrer_l2    uuid references referral_member (member_id),
    referrer_l3    uuid references referral_member (member_id),
    suspended      boolean      not null default false
);
create index referral_member_l1 on referral_member (referrer_l1) where referrer_l1 is not null;
create index referral_member_l2 on referral_member (referrer_l2) where referrer_l2 is not null;
create index referral_member_l3 on referral_member (referrer_l3) where referrer_l3 is not null;
create index referral_member_phone on referral_member (phone_hash);

create table referral_code (
    code        varchar(8)  primary key,
    member_id   uuid        not null unique references referral_member (member_id),
    created_at  timestamptz not null
);

create table referral (
    id             uuid primary key,
    referrer_id    uuid        not null references referral_member (member_id),
    referee_id     uuid        not null unique references referral_member (member_id),
    code           varchar(8)  not null,
    status         varchar(20) not null,
    attributed_at  timestamptz not null
);
create index referral_referrer on referral (referrer_id, attributed_at);

create table attribution_rejection (
    id           uuid primary key,
    referee_id   uuid         not null,
    code         varchar(16)  not null,
    reason       varchar(40)  not null,
    rejected_at  timestamptz  not null
);
create index attribution_rejection_time on attribution_rejection (rejected_at);
