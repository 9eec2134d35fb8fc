-- What winning a customer costs through the group's other channels, as operators last set it: the
-- acquisition cost through referrals is shown beside it. One row per setting; who changed it and when.
create table kpi_setting (
    name        varchar(60)  primary key,
    value_fen   bigint       not null check (value_fen > 0),
    changed_at  timestamptz  not null,
    changed_by  varchar(100) not null
);
