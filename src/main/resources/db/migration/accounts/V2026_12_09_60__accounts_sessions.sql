-- accounts module: the web sessions of staff (and of complainants who verified a code), kept by Spring Session JDBC so
-- that any node serves any session (issue 27). Spring Session's own PostgreSQL schema, made here rather than by its
-- start-up script; sessions end after the configured time without activity (server.servlet.session.timeout).
create table accounts.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on accounts.spring_session (session_id);
create index spring_session_ix2 on accounts.spring_session (expiry_time);
create index spring_session_ix3 on accounts.spring_session (principal_name);

create table accounts.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references accounts.spring_session (primary_id) on delete cascade
);
