-- Golden rows follow every direct change of a dimension table (statement-level,
-- one trigger per event because transition tables need a single event).
DO $$
DECLARE
  v_dim record;
BEGIN
  FOR v_dim IN
    SELECT t.name, 'company' AS entity FROM unnest(ARRAY['company_names', 'company_employee_ranges', 'company_types',
      'company_locations', 'company_industries', 'company_funding', 'company_revenue', 'company_descriptions']) AS t(name)
    UNION ALL
    SELECT t.name, 'person' FROM unnest(ARRAY['person_names', 'person_job_titles', 'person_locations',
      'person_work_history']) AS t(name)
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER golden_after_insert AFTER INSERT ON core.%I
                      REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed(%L)', v_dim.name, v_dim.entity);
    EXECUTE format('CREATE OR REPLACE TRIGGER golden_after_update AFTER UPDATE ON core.%I
                      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed(%L)', v_dim.name, v_dim.entity);
    EXECUTE format('CREATE OR REPLACE TRIGGER golden_after_delete AFTER DELETE ON core.%I
                      REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_dimension_changed(%L)', v_dim.name, v_dim.entity);
  END LOOP;
END $$;
