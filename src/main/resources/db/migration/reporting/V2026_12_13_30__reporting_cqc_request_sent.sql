-- Issue 23, F-8: when the summary of complaints was sent to CQC in answer to its request (Regulation 16(3): within 28
-- days), and who recorded it. Null while the request is still waiting for its answer.
alter table reporting.cqc_request
    add column sent_on          date,
    add column sent_recorded_at timestamptz,
    add column sent_recorded_by text;
