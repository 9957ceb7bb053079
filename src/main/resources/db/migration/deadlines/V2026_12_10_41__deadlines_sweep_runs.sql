-- The deadline sweep's last run (issue 24): one row, written at the end of every pass by whichever node ran it, so the
-- metrics of every node show when the sweep last ran and how far behind it is.
create table deadlines.sweep_run (
    id          int primary key check (id = 1),
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    clocks_read int         not null,
    sent        int         not null
);
