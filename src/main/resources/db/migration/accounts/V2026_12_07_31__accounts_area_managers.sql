-- accounts module: the manager of each service area of an organisation, set by an administrator (A-3). A stage the
-- pack routes by service area (ownerRoutedBy: service-area) is given to its area's manager when a case is logged.
create table accounts.area_manager (
    organisation text        not null,
    service_area text        not null,
    username     text        not null references accounts.staff_user (username) on delete cascade,
    set_by       text        not null,
    set_at       timestamptz not null,
    primary key (organisation, service_area)
);
