-- Issue 23, F-8: CQC's requests for a summary of complaints (Health and Social Care Act 2008 (Regulated Activities)
-- Regulations 2014, Regulation 16(3)): supplied within 28 days of the request. Each request is kept with its due date.
create table reporting.cqc_request (
    id           bigserial   primary key,
    organisation text        not null,
    requested_on date        not null,
    due_on       date        not null,
    period_from  date        not null,
    period_to    date        not null,
    note         text        check (length(note) <= 500),
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);
create index cqc_request_organisation on reporting.cqc_request (organisation, requested_on desc);
