-- accounts module: the address a member's notices from this organisation go to (T-5: the Client Services Manager is
-- told of each support service request), set by an administrator; null: none, so role notices go to the complaints mailbox.
alter table accounts.membership add column notice_email text;
