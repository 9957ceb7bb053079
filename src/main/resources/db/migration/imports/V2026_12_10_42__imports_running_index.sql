-- The metrics read the progress of running imports (issue 24): from this index, never every import ever run.
create index job_running on imports.job (organisation) where status = 'RUNNING';
