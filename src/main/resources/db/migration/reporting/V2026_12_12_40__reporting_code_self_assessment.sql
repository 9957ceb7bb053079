-- The Housing Ombudsman Code's annual outputs (issue 23, Code section 8, T-11, R-1): what staff write into the
-- self-assessment per provision and year (their answer, commentary and the actions where a provision is not met), the
-- governing body's response to the annual report and the date it was published, and the complaints refused, by reason,
-- kept from the cases' own events (a declined complaint, a refused escalation) so the annual report can count them.

create table reporting.code_assessment_entry (
    organisation text        not null,
    year         int         not null check (year between 2000 and 2100), -- the year from 1 April
    provision    text        not null,
    complies     boolean,                                                  -- null: the evidence decides
    commentary   text,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    primary key (organisation, year, provision)
);

create table reporting.code_assessment_action (
    organisation text        not null,
    year         int         not null,
    provision    text        not null,
    position     int         not null,
    action       text        not null,
    owner        text        not null,
    due_on       date        not null,
    status       text        not null,
    primary key (organisation, year, provision, position)
);

create table reporting.annual_report_response (
    organisation     text        not null,
    year             int         not null check (year between 2000 and 2100),
    response         text,
    responded_on     date,
    published_on     date,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    primary key (organisation, year)
);

create table reporting.refusal (
    organisation text        not null,
    case_id      uuid        not null,
    reference    text        not null,
    kind         text        not null, -- 'complaint-not-accepted' or 'escalation-refused'
    stage        int         not null,
    reason       text        not null,
    service_area text,
    refused_at   timestamptz not null,
    primary key (organisation, case_id, kind, stage, refused_at)
);

create index refusal_when on reporting.refusal (organisation, refused_at);
