alter table referral add column qualifying_purchase_id uuid;
alter table referral add column qualified_at timestamptz;
alter table referral add column reversed_at timestamptz;
create index referral_qualifying_purchase on referral (qualifying_purchase_id) where qualifying_purchase_id is not null;
