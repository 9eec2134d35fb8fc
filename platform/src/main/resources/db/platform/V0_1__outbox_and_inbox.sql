-- Shared by every domain service (flyway location db/platform); service scripts start at V1.

-- Events written in the same transaction as the state change they describe, then published
-- by the relay. Published rows are kept for a while for diagnosis, then purged.
create table outbox_event (
    position       bigserial primary key,
    id             uuid         not null unique,
    topic          varchar(200) not null,
    event_key      varchar(200) not null,
    event_type     varchar(100) not null,
    event_version  int          not null,
    occurred_at    timestamptz  not null,
    payload        text         not null,
    published_at   timestamptz,
    attempts       int          not null default 0,
    last_error     varchar(1000)
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- Event ids each consumer has applied, written in the same transaction as the effect.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);
