CREATE OR REPLACE FUNCTION reference.tg_title_rules_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level, after any INSERT, UPDATE, DELETE or TRUNCATE of
-- reference.job_title_rules, before the rematch triggers (names sort first):
-- a new rules version, so no session reads again an answer it remembered
-- under the old rules (reference.match_title_keys).
BEGIN
  UPDATE reference.job_title_rules_state SET version = version + 1;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION reference.tg_title_rules_changed() IS
  'After a change to reference.job_title_rules: bump the rules version, so title-key answers remembered under older versions are not read.';
