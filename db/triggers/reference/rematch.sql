-- No manual backfills: every statement that changes a lookup, the title rules
-- or source priority re-matches what it affects (one trigger per event:
-- transition tables need a single event).
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.employee_range_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.employee_range_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.employee_range_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.revenue_range_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.revenue_range_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.revenue_range_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.funding_range_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.funding_range_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.funding_range_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.industry_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.industry_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.industry_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.company_type_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.company_type_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.company_type_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.job_title_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.job_title_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.job_title_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.location_lookup
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.location_lookup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.location_lookup
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.job_title_rules
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.job_title_rules
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.job_title_rules
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.source_priority
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.source_priority
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.source_priority
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed();
