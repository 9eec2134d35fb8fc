-- The people who run the programme. Passwords only as salted PBKDF2 hashes.
create table operator_account (
    id             uuid primary key,
    username       varchar(64)  not null unique,
    password_hash  varchar(200) not null,
    roles          varchar(100) not null,
    active         boolean      not null default true,
    created_at     timestamptz  not null,
    last_login_at  timestamptz
);
