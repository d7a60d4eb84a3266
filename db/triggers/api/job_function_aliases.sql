-- reference.job_function_aliases stores its alias normalized, like the lookup tables' keys.
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.job_function_aliases
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('alias');
COMMENT ON TRIGGER normalize_key ON reference.job_function_aliases IS 'Stores the alias normalized (trim, lower case, single spaces).';
