-- Reward rules, managed by operators. A change is a new version, never an edit, so every ledger
-- entry's rule and version keep meaning what they meant when the entry was made.
create table reward_rule (
    rule_id         varchar(60)  not null,
    version         int          not null check (version > 0),
    kind            varchar(40)  not null,
    params          text         not null,
    effective_from  timestamptz  not null,
    effective_to    timestamptz,
    created_at      timestamptz  not null,
    note            varchar(200),
    primary key (rule_id, version),
    check (effective_to is null or effective_to > effective_from)
);

-- Every purchase seen (all members' purchases pass through the referral service), net of refunds:
-- the revenue of the budget cap and each member's cumulative spend for milestone coupons.
create table purchase_record (
    purchase_id    uuid primary key,
    member_id      uuid        not null,
    amount_fen     bigint      not null,
    refunded_fen   bigint      not null default 0,
    occurred_at    timestamptz not null
);
create index purchase_record_member on purchase_record (member_id);
create index purchase_record_time on purchase_record (occurred_at);

-- Referrals that qualified, for VIP referrers (so many in the last year).
create table qualified_referral (
    referral_id   uuid primary key,
    referrer_id   uuid        not null,
    qualified_at  timestamptz not null,
    reversed_at   timestamptz
);
create index qualified_referral_referrer on qualified_referral (referrer_id, qualified_at);
