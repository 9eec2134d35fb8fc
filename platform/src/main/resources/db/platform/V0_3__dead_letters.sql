-- Events this service's consumers gave up on, as the dead-letter topic holds them, for operators
-- to see and replay after a fix. One row per dead-letter record (its topic, partition and offset).
create table dead_letter (
    id                uuid          primary key,
    dlq_topic         varchar(200)  not null,
    dlq_partition     int           not null,
    dlq_offset        bigint        not null,
    source_topic      varchar(200),
    source_partition  int,
    source_offset     bigint,
    event_key         varchar(200),
    payload           text          not null,
    event_id          uuid,
    event_type        varchar(100),
    reason            varchar(2000),
    dead_lettered_at  timestamptz   not null,
    status            varchar(20)   not null,
    replayed_at       timestamptz,
    replayed_by       varchar(100),
    last_replay_error varchar(2000),
    unique (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letter_waiting on dead_letter (dead_lettered_at) where status = 'WAITING';
