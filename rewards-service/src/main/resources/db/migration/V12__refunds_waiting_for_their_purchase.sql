-- A refund whose purchase has not reached this service yet. The referral service publishes a
-- purchase before its refunds, but a send that failed during a broker outage is sent again after
-- the records behind it, so a refund can arrive first. It waits here (the highest refunded total
-- seen) and is applied when its purchase arrives, in the purchase's transaction.
create table refund_waiting (
    purchase_id        uuid         primary key,
    member_id          uuid         not null,
    refund_id          uuid         not null,
    refunded_total_fen bigint       not null,
    occurred_at        timestamptz  not null,
    event_id           uuid         not null,
    received_at        timestamptz  not null
);
