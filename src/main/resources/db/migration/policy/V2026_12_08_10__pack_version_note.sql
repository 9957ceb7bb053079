-- policy module: a note on a stored version saying how it was made, e.g. a draft made on the what-if page by changing
-- figures of another version (issue 25). Versions uploaded as YAML have none.
alter table policy.pack_version add column note text;
