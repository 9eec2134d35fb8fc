-- The privacy notice versions member-service publishes, so the share page shows the one in force.
create table privacy_notice (
    version       integer     primary key,
    text_zh       text        not null,
    text_en       text        not null,
    url           varchar(500),
    published_at  timestamptz not null
);
