-- The clinic group's branches: what members, purchases, visits, refunds, follow-ups and partner keys
-- name by id. Branches are closed (active = false), never deleted, since their history names them.
create table branch (
    id          varchar(64)  primary key,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    city        varchar(50),
    address     varchar(300),
    active      boolean      not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(100) not null,
    -- whether BranchChanged went out for the row as it stands; false only for the rows below, until
    -- the service announces them at its next start
    announced   boolean      not null
);

-- Branches the data names already become entries named by their id, for operators to name properly.
insert into branch (id, name_zh, name_en, city, address, active, changed_at, changed_by, announced)
select id, id, id, null, null, true, now(), 'migration', false
from (select branch as id from member
      union select branch from purchase
      union select branch from visit
      union select branch from refund
      union select branch from follow_up
      union select unnest(string_to_array(branches, ',')) from partner_key) named
where id <> '';

alter table member add constraint member_branch_known foreign key (branch) references branch (id);
alter table purchase add constraint purchase_branch_known foreign key (branch) references branch (id);
alter table visit add constraint visit_branch_known foreign key (branch) references branch (id);
alter table refund add constraint refund_branch_known foreign key (branch) references branch (id);
alter table follow_up add constraint follow_up_branch_known foreign key (branch) references branch (id);
