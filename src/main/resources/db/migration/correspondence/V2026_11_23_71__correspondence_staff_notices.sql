-- Staff notices (a daily digest covers many cases) belong to no single case.
alter table correspondence.letter alter column case_id drop not null;
alter table correspondence.letter alter column case_reference drop not null;
