-- Follow-up calls (回访) for staff: made by the events that call for one, each exactly once
-- (source_key), assigned to the member's branch, due some days later, closed with an outcome.
create table follow_up (
    id          uuid          primary key,
    source_key  varchar(200)  not null unique,
    trigger     varchar(40)   not null,
    member_id   uuid          not null,
    branch      varchar(100)  not null,
    created_at  timestamptz   not null,
    due_at      timestamptz   not null,
    status      varchar(20)   not null,
    outcome     varchar(20),
    note        varchar(500),
    closed_at   timestamptz,
    closed_by   varchar(100)
);
create index follow_up_open on follow_up (branch, due_at) where status = 'OPEN';
create index follow_up_member on follow_up (member_id);
