-- Golden rows follow every direct change of a dimension table (statement-level,
-- one trigger per event because transition tables need a single event).
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_names
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_names
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_names
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_employee_ranges
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_employee_ranges
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_employee_ranges
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_types
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_types
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_types
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_locations
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_locations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_locations
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_industries
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_industries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_industries
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_funding
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_funding
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_funding
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_revenue
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_revenue
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_revenue
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.company_descriptions
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.company_descriptions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.company_descriptions
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('company');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.person_names
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.person_names
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.person_names
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.person_job_titles
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.person_job_titles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.person_job_titles
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.person_locations
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.person_locations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.person_locations
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.person_work_history
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.person_work_history
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.person_work_history
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed('person');
