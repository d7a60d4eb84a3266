-- Any change to the title rules makes the title-key answers sessions
-- remembered stale (reference.match_title_keys). Named to fire before rematch_after_* (same
-- event, alphabetical order), so the re-match computes with the new rules.
CREATE OR REPLACE TRIGGER forget_title_key_matches AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON reference.job_title_rules
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_title_rules_changed();
