-- policy module (issue 20): every activation of a pack version, with the instant from which it was the organisation's
-- procedure, so the version in force on a past day can be told (an imported case is made under the version active
-- when it was received). pack_version.activated_at keeps only a version's last activation; this table keeps them all.
create table policy.pack_activation (
    id           bigserial   primary key,
    organisation text        not null,
    pack_id      text        not null,
    version      integer     not null,
    active_from  timestamptz not null,
    foreign key (pack_id, version) references policy.pack_version (pack_id, version)
);

create index pack_activation_by_organisation on policy.pack_activation (organisation, active_from);

-- what is known of the activations before this table: each version's last one
insert into policy.pack_activation (organisation, pack_id, version, active_from)
select organisation, pack_id, version, activated_at from policy.pack_version where activated_at is not null
order by activated_at;
