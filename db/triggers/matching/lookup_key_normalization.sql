-- Each lookup table normalizes its own raw key column.
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.employee_range_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_value');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.revenue_range_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_value');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.funding_range_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_value');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.company_type_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_value');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.industry_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_value');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.job_title_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_title');
CREATE OR REPLACE TRIGGER normalize_key BEFORE INSERT OR UPDATE ON reference.location_lookup
  FOR EACH ROW EXECUTE FUNCTION reference.tg_normalize_lookup_key('raw_location');
CREATE OR REPLACE TRIGGER validate_pattern BEFORE INSERT OR UPDATE OF pattern ON reference.job_title_rules
  FOR EACH ROW EXECUTE FUNCTION reference.tg_validate_title_rule();
