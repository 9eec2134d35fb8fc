-- Each budget month's issued value and revenue kept as running totals, so that deciding a reward
-- reads one row instead of summing the month's budget_use and purchase_record rows every time
-- (which grew with the month, under the budget lock). Months are calendar months in the zone of
-- kinlink.rewards.zone, as Budget.periodOf counts them.
create table budget_total (
    period       varchar(7) primary key,
    issued_fen   bigint     not null default 0,
    revenue_fen  bigint     not null default 0
);

insert into budget_total (period, issued_fen)
select period, sum(value_fen) from budget_use group by period;

insert into budget_total (period, revenue_fen)
select to_char(occurred_at at time zone '${budget_zone}', 'YYYY-MM'), sum(amount_fen - refunded_fen)
from purchase_record
group by 1
on conflict (period) do update set revenue_fen = excluded.revenue_fen;

-- The programme's accounts exist from the start, so the ledger can keep their ids (see Ledger).
insert into ledger_account (id, member_id, kind, balance)
select gen_random_uuid(), null, kind, null
from (values ('PROGRAM_POINTS_ISSUED'), ('PROGRAM_POINTS_REDEEMED'), ('PROGRAM_POINTS_EXPIRED')) as kinds (kind)
on conflict do nothing;
