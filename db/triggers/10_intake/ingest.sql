-- Every raw table of the registry is processed in the inserting statement,
-- set-based, by one statement-level trigger function (raw.tg_ingest). One
-- trigger per registered raw table, (re)created on every deploy, so a raw
-- table registered later gets its trigger with the next `hq migrate`.
DO $$
DECLARE
  v_table record;
BEGIN
  FOR v_table IN
    SELECT DISTINCT n.nspname, c.relname
    FROM reference.enrichment_workflow_registry r
    JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(r.raw_table)
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE r.entity_type IN ('company', 'person')  -- client leads have their own trigger (db/triggers/client)
    ORDER BY 1, 2
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER ingest AFTER INSERT ON %I.%I
                      REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION raw.tg_ingest()', v_table.nspname, v_table.relname);
  END LOOP;
END;
$$;
