-- Tills number their transactions on their own: two branches may both send "0001".
-- A till's transaction id is therefore unique within its branch, not across the clinic group.
alter table redemption drop constraint redemption_external_transaction_id_key;
alter table redemption add constraint redemption_branch_transaction unique (branch, external_transaction_id);

alter table coupon drop constraint coupon_redemption_transaction_key;
alter table coupon add constraint coupon_branch_redemption unique (redeemed_branch, redemption_transaction);
