-- publicweb module: the public pages' rate limits (per kind of request and address), as Bucket4j's token buckets, so a
-- limit reached through one node holds on every other (issue 27). expires_at (epoch milliseconds) is when the bucket is
-- full again; a bucket past it is removed, as a missing bucket is a full one.
create table publicweb.rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_expiry on publicweb.rate_limit (expires_at);
