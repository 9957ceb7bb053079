-- A case reference names one organisation: no two organisations share a reference prefix.
create unique index organisation_reference_prefix on people.organisation (reference_prefix);
