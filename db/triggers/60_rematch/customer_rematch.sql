-- Customer names re-match when the companies they may name arrive: one
-- statement-level trigger per event (transition tables need a single event)
-- on core.companies and core.company_names.
DO $$
DECLARE
  v_table text;
BEGIN
  FOREACH v_table IN ARRAY ARRAY['companies', 'company_names'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER customer_rematch_after_insert AFTER INSERT ON core.%I
                      REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_company_names_changed()', v_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER customer_rematch_after_update AFTER UPDATE ON core.%I
                      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_company_names_changed()', v_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER customer_rematch_after_delete AFTER DELETE ON core.%I
                      REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION core.tg_company_names_changed()', v_table);
  END LOOP;
END $$;
