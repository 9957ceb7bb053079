-- accounts module: the roles of the organisation's policy pack each member holds (Group Chief Executive, Client
-- Services Manager, ...), given by an administrator. Null: none chosen yet, so the member holds the pack roles their
-- account role implies (accounts.PackRoles); an array, even empty: exactly those.
alter table accounts.membership add column pack_roles text[];
