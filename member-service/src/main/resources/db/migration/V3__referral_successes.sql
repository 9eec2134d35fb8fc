-- Successful referrals of each referrer, learnt from the referral service's events: one of the
-- five gold standards. A reversed one no longer counts.
create table referral_success (
    referral_id   uuid primary key,
    referrer_id   uuid        not null,
    referee_id    uuid        not null,
    qualified_at  timestamptz not null,
    reversed_at   timestamptz
);
create index referral_success_referrer on referral_success (referrer_id, qualified_at);
