-- No manual backfills: every statement that changes a lookup, the title rules
-- or source priority re-matches what it affects (one trigger per event:
-- transition tables need a single event).
DO $$
DECLARE
  v_table text;
BEGIN
  FOREACH v_table IN ARRAY ARRAY['employee_range_lookup', 'revenue_range_lookup', 'funding_range_lookup',
                                  'industry_lookup', 'company_type_lookup', 'job_title_lookup', 'location_lookup',
                                  'job_title_rules', 'source_priority'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER rematch_after_insert AFTER INSERT ON reference.%I
                      REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed()', v_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER rematch_after_update AFTER UPDATE ON reference.%I
                      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed()', v_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER rematch_after_delete AFTER DELETE ON reference.%I
                      REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION reference.tg_reference_changed()', v_table);
  END LOOP;
END $$;
