-- accounts module: every new password raises the account's password version; a signed-in session remembers the
-- version it signed in with and ends once the account's version is newer (so a password change signs out elsewhere).
alter table accounts.staff_user add column password_version bigint not null default 0;
