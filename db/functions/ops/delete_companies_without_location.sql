CREATE OR REPLACE PROCEDURE core.delete_companies_without_location(
  p_batch_size integer DEFAULT 1000, p_dry_run boolean DEFAULT true)
LANGUAGE plpgsql
AS $$
-- Delete companies that no source gave any location data
-- (core.companies_without_location), with everything
-- in core that hangs off them: every core table keyed by the company's
-- domain (dimensions, multi-valued rows, funding, investors, customers it
-- lists, the golden row, the entity) — then the leads of people who worked
-- there are refreshed. Raw payloads and extracted rows stay (nothing in raw
-- is lost; a replay would bring the companies back). p_dry_run (the
-- default) only reports how many companies and rows would go. Otherwise
-- batches of p_batch_size domains, a COMMIT and a progress NOTICE per batch;
-- safe to interrupt and re-run. Not SECURITY DEFINER (it commits): run it as
-- the owner.
DECLARE
  v_domains text[];
  v_last text := '';
  v_table record;
  v_rows bigint;
  v_batch_rows bigint;
  v_total bigint := 0;
  v_companies bigint := 0;
  v_people text[];
BEGIN
  IF p_batch_size IS NULL OR p_batch_size < 1 THEN
    RAISE EXCEPTION 'p_batch_size must be a positive number, got %', p_batch_size USING ERRCODE = '22023';
  END IF;
  IF p_dry_run IS NOT FALSE THEN  -- NULL is a dry run too: only an explicit false deletes
    SELECT count(*) INTO v_companies FROM core.companies_without_location;
    SELECT count(*) INTO v_rows FROM core.people_full p
    JOIN core.companies_without_location n ON n.domain = p.company_domain;
    RAISE NOTICE 'dry run: % companies have no location data from any source; % people have one as their current company. CALL core.delete_companies_without_location(%, false) to delete.',
      v_companies, v_rows, p_batch_size;
    RETURN;
  END IF;

  LOOP
    SELECT array_agg(b.domain ORDER BY b.domain) INTO v_domains
    FROM (SELECT n.domain FROM core.companies_without_location n
          WHERE n.domain > v_last
          ORDER BY n.domain LIMIT p_batch_size) b;
    EXIT WHEN v_domains IS NULL;
    v_last := v_domains[cardinality(v_domains)];
    v_batch_rows := 0;
    PERFORM set_config('hq.in_pipeline', 'on', true);  -- no golden refresh per deleted dimension row
    -- every core table keyed by the company domain, the entity last
    FOR v_table IN
      SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'core' AND t.table_type = 'BASE TABLE'
        AND (c.column_name = 'domain' OR (c.table_name = 'company_customers' AND c.column_name = 'origin_company_domain'))
      ORDER BY c.table_name = 'companies', c.table_name
    LOOP
      EXECUTE format('DELETE FROM core.%I t WHERE t.%I = ANY ($1)', v_table.table_name, v_table.column_name)
        USING v_domains;
      GET DIAGNOSTICS v_rows = ROW_COUNT;
      v_batch_rows := v_batch_rows + v_rows;
    END LOOP;
    PERFORM set_config('hq.in_pipeline', 'off', true);
    -- people who worked there lose the lead if it was their current company
    SELECT array_agg(DISTINCT p.linkedin_url) INTO v_people
    FROM core.people_full p WHERE p.company_domain = ANY (v_domains);
    IF v_people IS NOT NULL THEN
      PERFORM core.refresh_leads(v_people);
    END IF;
    v_companies := v_companies + cardinality(v_domains);
    v_total := v_total + v_batch_rows;
    COMMIT;
    RAISE NOTICE 'deleted % companies (% core rows) in this batch; % companies, % rows in total',
      cardinality(v_domains), v_batch_rows, v_companies, v_total;
  END LOOP;
  RAISE NOTICE 'finished: % companies without location data deleted (% core rows)', v_companies, v_total;
END;
$$;
COMMENT ON PROCEDURE core.delete_companies_without_location(integer, boolean) IS
  'Delete companies with no location data from any source and their core rows, in batches (dry run by default; COMMIT and progress NOTICE per batch).';
