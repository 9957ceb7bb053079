-- ombudsman module (issue 20): the Ombudsman's vocabulary. A finding carries the point's category so findings count
-- per category as the Ombudsman publishes them; an order may name the point it is for (a payment: the point it pays
-- for); recommendations are kept apart from orders, with no compliance date, only whether they were followed.
-- Orders stored before keep their kind (APOLOGISE, PAY, CARRY_OUT_WORKS, REVIEW_POLICY or OTHER) and read as before.
alter table ombudsman.finding add column category text;
alter table ombudsman.remedy_order add column point int;

create table ombudsman.recommendation (
    id          uuid        primary key,
    referral_id uuid        not null references ombudsman.referral (id),
    kind        text        not null,
    text        text        not null,
    followed    boolean,
    decided_on  date,
    note        text,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index recommendation_by_referral on ombudsman.recommendation (referral_id);
