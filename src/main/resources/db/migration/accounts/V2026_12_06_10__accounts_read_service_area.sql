-- The service area of the case each special category read was of, so that the log shows a member limited to some
-- service areas only the reads of their areas' cases (ADR 9 and 18). Reads recorded before have none, and so are
-- shown only to members who see every area.
alter table accounts.special_category_read add column service_area text;
