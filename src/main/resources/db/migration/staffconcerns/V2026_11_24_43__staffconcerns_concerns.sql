-- staffconcerns module: complaints about named staff or contractors (F-12). For each person a case names: their
-- manager, when the manager was told, the person's own view, and the updates that kept them informed.
create schema if not exists staffconcerns;

create table staffconcerns.concern (
    id                uuid primary key,
    organisation      text        not null,
    case_id           uuid        not null,
    case_reference    text        not null,
    named_person      text        not null,
    manager           text        not null,
    manager_told_at   timestamptz not null,
    own_view          text,
    own_view_given_on date,
    recorded_by       text        not null,
    recorded_at       timestamptz not null,
    unique (organisation, case_id, named_person)
);

create index concern_by_manager on staffconcerns.concern (organisation, manager);

create table staffconcerns.kept_informed (
    concern_id  uuid        not null references staffconcerns.concern (id),
    sequence    int         not null,
    said_on     date        not null,
    said        text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (concern_id, sequence)
);
