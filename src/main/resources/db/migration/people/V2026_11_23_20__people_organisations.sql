-- people module: the organisations of this installation. The four whose policies ship with Redress are
-- created here, so every installation can run their packs; their staff and cases are demo data.
create schema if not exists people;

create table people.organisation (
    code             text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name             text not null,
    reference_prefix text not null check (reference_prefix ~ '^[A-Z0-9]{1,6}$'),
    policy_pack      text not null,
    service_areas    text[] not null default '{}'
);

insert into people.organisation (code, name, reference_prefix, policy_pack, service_areas) values
    ('247-alliance', '247 Alliance Ltd', 'TFA', '247-alliance',
        array['Cleaning contracts', 'Security contracts', 'Facilities management']),
    ('alliance-homes', 'Alliance Homes Group', 'AH', 'alliance-homes',
        array['Repairs', 'Neighbourhoods', 'Rents and service charges', 'Home care', 'Debt advice', 'Customer services']),
    ('helping-our-future', 'Helping Our Future', 'HOF', 'helping-our-future',
        array['Supported housing', 'Floating support', 'Maintenance', 'Lettings']),
    ('the-trust', 'The Trust', 'TT', 'the-trust',
        array['Support services', 'Housing management', 'Repairs', 'Client services']);
