-- Token buckets the gateway replicas share (the partner keys' rates, the login and registration
-- limits), so that a limit means the same with one gateway or ten. A bucket is named by a keyed hash
-- of what it limits (a client address, a key id), never the address itself. Buckets idle long
-- enough to be full again are purged.
create table rate_bucket (
    id           varchar(64)      primary key,
    tokens       double precision not null,
    -- what the last lease took, returned with the row
    last_granted integer          not null,
    refilled_at  timestamptz      not null
);
create index rate_bucket_refilled_at on rate_bucket (refilled_at);
