CREATE OR REPLACE FUNCTION reference.tg_title_rules_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level, after any INSERT, UPDATE, DELETE or TRUNCATE of
-- reference.job_title_rules, before the rematch triggers (names sort first):
-- a new rules version, so no answer remembered under the old rules is read
-- again (reference.match_title_keys), and those answers are deleted.
DECLARE
  v_version bigint;
BEGIN
  UPDATE reference.job_title_rules_state SET version = version + 1 RETURNING version INTO v_version;
  DELETE FROM reference.job_title_key_matches m WHERE m.rules_version < v_version;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION reference.tg_title_rules_changed() IS
  'After a change to reference.job_title_rules: bump the rules version and forget the title-key answers of older versions.';
