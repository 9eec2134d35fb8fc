-- Tills number their sales, refunds and visits on their own: two branches may both send "0001".
-- A till's id is therefore unique within its branch, not across the clinic group.
alter table purchase drop constraint purchase_external_transaction_id_key;
alter table purchase add constraint purchase_branch_transaction unique (branch, external_transaction_id);

alter table visit drop constraint visit_external_visit_id_key;
alter table visit add constraint visit_branch_visit unique (branch, external_visit_id);

-- A refund is made at the branch of the purchase it returns.
alter table refund add column branch varchar(64);
update refund r set branch = p.branch from purchase p where p.id = r.purchase_id;
alter table refund alter column branch set not null;
alter table refund drop constraint refund_external_refund_id_key;
alter table refund add constraint refund_branch_refund unique (branch, external_refund_id);
