-- publicweb module: files staff upload on a case, or on one piece of its evidence (issue 21, S0-6), kept beside the
-- complainant's own in the same table, so the Ombudsman's information pack and a subject access export hold both.
-- uploaded_by is null for a file attached to the public form; evidence is the piece's number on the case (from 1).
alter table publicweb.attachment add column uploaded_by text;
alter table publicweb.attachment add column evidence integer check (evidence > 0);
