CREATE OR REPLACE FUNCTION client.tg_link_companies()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT on core.companies (transition table
-- new_rows): client leads waiting for one of these companies (same
-- normalized domain, not linked yet) are linked, in one statement; one index
-- probe per statement when no lead waits.
BEGIN
  IF EXISTS (SELECT 1 FROM client.leads l WHERE l.company_id IS NULL AND l.company_domain IS NOT NULL) THEN
    UPDATE client.leads l SET company_id = n.id, company_linked_at = now()
      FROM new_rows n
     WHERE l.company_domain = n.domain AND l.company_id IS NULL;
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION client.tg_link_companies() IS 'Links waiting client leads to companies as they are inserted into core.companies (statement-level, set-based).';
