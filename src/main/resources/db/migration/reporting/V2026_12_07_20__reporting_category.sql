-- A complaint's category from its pack's list (H-1, issue 22), by its name in the pack, so the categories measure counts
-- complaints per category beside the subjects. Rows written before have none.
alter table reporting.case_stage add column category text;
