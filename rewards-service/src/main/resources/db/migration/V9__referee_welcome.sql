-- Friends who joined with a member's code, and the welcome gift promised them by the rule in force
-- when they joined: paid at once (JOIN) or at their first visit (FIRST_VISIT), once.
create table referee_welcome (
    referral_id     uuid primary key,
    referee_id      uuid         not null,
    referrer_id     uuid         not null,
    attributed_at   timestamptz  not null,
    rule_id         varchar(60)  not null,
    rule_version    integer      not null,
    template_id     uuid         not null,
    trigger         varchar(20)  not null,
    granted_at      timestamptz
);
create index referee_welcome_waiting on referee_welcome (referee_id) where granted_at is null;
