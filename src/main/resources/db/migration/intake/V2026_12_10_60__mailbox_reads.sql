-- intake module (issue 24): how each connected mailbox's last read went, so an administrator sees a mailbox that
-- cannot be read (a refused token, a wrong password, a server away) instead of emails quietly waiting in it.
create table intake.mailbox_read (
    organisation  text        not null,
    mailbox       text        not null,
    last_tried_at timestamptz not null,
    last_read_at  timestamptz,
    failing_since timestamptz,
    last_error    text,
    primary key (organisation, mailbox)
);
