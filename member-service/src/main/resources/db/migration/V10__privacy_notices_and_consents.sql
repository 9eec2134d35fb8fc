-- The privacy notice (PIPL) in its versions: a new text is a new version, never an edit, so what a
-- member accepted can always be shown again.
create table privacy_notice (
    version       integer      primary key,
    text_zh       text         not null,
    text_en       text         not null,
    url           varchar(500),
    published_at  timestamptz  not null,
    published_by  varchar(100) not null
);

-- Every consent given or withdrawn, kept apart from the member's personal data: erasure leaves these
-- rows (a member id, what, which version, when, where), the proof that consent was given.
create table member_consent (
    id              uuid primary key,
    member_id       uuid        not null references member (id),
    kind            varchar(20) not null,   -- PRIVACY_NOTICE, MARKETING
    granted         boolean     not null,
    notice_version  integer     references privacy_notice (version),
    channel         varchar(20) not null,
    at              timestamptz not null
);
create index member_consent_member on member_consent (member_id, at);

-- Members before this version: their marketing consent as it stands is the first record; no privacy
-- notice is on record for them (the app asks them at their next login).
insert into member_consent (id, member_id, kind, granted, notice_version, channel, at)
select gen_random_uuid(), id, 'MARKETING', marketing_consent, null, channel,
       coalesce(consent_given_at, registered_at)
from member;
