-- remedies module: what a case put right (F-13, H-9, A-5, Code 6.6 and section 7): apologies, actions and payments.
create schema if not exists remedies;

create table remedies.remedy (
    id                uuid primary key,
    organisation      text        not null,
    case_id           uuid        not null,
    case_reference    text        not null,
    kind              text        not null check (kind in ('APOLOGY', 'ACTION', 'PAYMENT')),
    status            text        not null check (status in ('GIVEN', 'OPEN', 'DONE', 'PROPOSED', 'APPROVED', 'PAID', 'REFUSED')),
    description       text        not null,
    owner             text,
    due_on            date,
    done_on           date,
    promised_at_stage int,
    promise_index     int,
    payment_kind      text check (payment_kind in ('COMPENSATION', 'EX_GRATIA', 'GOODWILL')),
    amount            numeric(12, 2) check (amount > 0),
    method            text,
    needs_panel       boolean     not null default false,
    routing           text,
    proposed_by       text        not null,
    proposed_at       timestamptz not null,
    decided_by        text,
    recorded_by       text,
    decided_at        timestamptz,
    decided_on        date,
    decision_reason   text,
    paid_on           date,
    paid_by           text,
    version           bigint      not null default 0
);

-- an action promised in a stage response is taken in once (A-5): the case id and its place in the case's list
create unique index remedy_promise on remedies.remedy (case_id, promise_index) where promise_index is not null;
create index remedy_case on remedies.remedy (organisation, case_id);
create index remedy_open_actions on remedies.remedy (organisation, due_on) where kind = 'ACTION' and status = 'OPEN';

-- who did what to a remedy and why: proposed, approved, refused, paid, done (append-only)
create table remedies.remedy_event (
    remedy_id uuid        not null references remedies.remedy (id),
    sequence  int         not null,
    type      text        not null,
    at        timestamptz not null,
    actor     text        not null,
    reason    text,
    primary key (remedy_id, sequence)
);
