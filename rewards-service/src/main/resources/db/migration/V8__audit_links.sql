-- What the compliance audit export needs to link every reward to its order: the branch of each
-- purchase, and the purchase that qualified each referral. Rows from before stay null (shown as
-- unknown in the export); everything recorded from now on carries them.
alter table purchase_record add column branch varchar(100);
alter table qualified_referral add column purchase_id uuid;
create index purchase_record_branch on purchase_record (branch, occurred_at);
