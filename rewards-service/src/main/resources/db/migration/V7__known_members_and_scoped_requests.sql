-- The members this service may be asked to reward: learnt from the member service's
-- MemberRegistered events, so a coupon is never issued to an id that names nobody.
create table known_member (
    member_id      uuid primary key,
    registered_at  timestamptz not null
);

-- A coupon's reason is as long as the API accepts (it was cut at 40 characters).
alter table coupon alter column reason type varchar(200);

-- A request id given when issuing a coupon is the caller's id for one member's coupon: the same id
-- for another member is another coupon. Keys of coupons given by a person now name the member.
alter table coupon alter column idempotency_key type varchar(300);
alter table budget_use alter column source type varchar(300);
update budget_use b set source = b.source || ':member:' || c.member_id
  from coupon c where c.idempotency_key = b.source and c.source_type in ('OPERATOR', 'STAFF');
update coupon set idempotency_key = idempotency_key || ':member:' || member_id
  where source_type in ('OPERATOR', 'STAFF');
