-- The copy of member-service's branch directory kept by the services that consume BranchChanged
-- (flyway location db/branch-copy): names for pages and reports, and which ids exist.
create table branch_copy (
    id          varchar(64)  primary key,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    city        varchar(50),
    address     varchar(300),
    active      boolean      not null,
    changed_at  timestamptz  not null
);
