-- The top of the funnel: links shared from the app and clicks on the landing page. A click keeps
-- no raw IP address, only a keyed hash of it, enough to tell repeat clicks apart.
create table link_share (
    id          uuid primary key,
    member_id   uuid        not null references referral_member (member_id),
    channel     varchar(20) not null,
    campaign    varchar(40),
    shared_at   timestamptz not null
);
create index link_share_member on link_share (member_id, shared_at);
create index link_share_time on link_share (shared_at);

create table link_click (
    id           uuid primary key,
    code         varchar(8)  not null references referral_code (code),
    referrer_id  uuid        not null references referral_member (member_id),
    campaign     varchar(40),
    ip_hash      varchar(64) not null,
    user_agent   varchar(256),
    clicked_at   timestamptz not null
);
create index link_click_referrer on link_click (referrer_id, clicked_at);
create index link_click_time on link_click (clicked_at);

-- The later steps of each referral: the click it came from, its campaign, the referee's first
-- visit and first purchase (of any amount; qualification has its own minimum).
alter table referral add column click_id uuid;
alter table referral add column campaign varchar(40);
alter table referral add column first_visit_at timestamptz;
alter table referral add column first_purchase_at timestamptz;
create index referral_attributed on referral (attributed_at);

alter table attribution_rejection add column click_id uuid;

-- Every member's purchases net of refunds: the revenue a referrer's network brings.
create table member_purchase (
    purchase_id   uuid primary key,
    member_id     uuid        not null references referral_member (member_id),
    amount_fen    bigint      not null,
    refunded_fen  bigint      not null default 0,
    purchased_at  timestamptz not null
);
create index member_purchase_member on member_purchase (member_id, purchased_at);
