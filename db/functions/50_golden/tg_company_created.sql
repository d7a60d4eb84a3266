CREATE OR REPLACE FUNCTION core.tg_company_created()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Statement-level AFTER INSERT on core.companies: every company has its
-- golden row in the transaction that creates it. The ingest pipeline writes
-- the golden rows of the companies it creates itself, after their dimension
-- rows (hq.in_pipeline is on while it writes; a golden row written here,
-- before them, would be written twice); any other insert (an import, a DBA)
-- gets its golden rows here, from whatever dimension rows exist.
BEGIN
  IF current_setting('hq.in_pipeline', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM core.refresh_companies_full(ARRAY(SELECT n.domain FROM new_rows n));
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.tg_company_created() IS
  'After an insert into core.companies outside the ingest pipeline: write the new companies'' golden rows (the pipeline writes its own).';
