-- The versions of the friend's welcome gift the rewards service announces, so the share page tells
-- the friend what they get.
create table welcome_gift (
    rule_version    integer      primary key,
    effective_from  timestamptz  not null,
    effective_to    timestamptz,
    trigger         varchar(20)  not null,
    coupon_name     varchar(100) not null,
    face_value_fen  bigint       not null,
    min_spend_fen   bigint       not null,
    valid_days      integer      not null
);
