-- One daily digest per person per organisation per day, however many nodes run the task.
create table deadlines.digest (
    organisation text        not null,
    recipient    text        not null,
    day          date        not null,
    sent_at      timestamptz not null,
    primary key (organisation, recipient, day)
);
