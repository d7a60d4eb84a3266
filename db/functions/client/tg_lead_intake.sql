CREATE OR REPLACE FUNCTION client.tg_lead_intake()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT on raw.client_lead_payloads (transition
-- table new_rows): rejects unknown or inactive workflow slugs like the
-- ingest trigger, then processes the statement's rows (client.process_leads).
DECLARE
  v_bad text;
BEGIN
  SELECT n.workflow_slug INTO v_bad
  FROM (SELECT DISTINCT nr.workflow_slug FROM new_rows nr) n
  LEFT JOIN reference.enrichment_workflow_registry r
    ON r.workflow_slug = n.workflow_slug AND r.is_active AND r.raw_table = TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
  WHERE r.workflow_slug IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'workflow_slug % is not an active workflow of %.%', coalesce(quote_literal(v_bad), 'NULL'), TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = '23503', HINT = 'Client leads use the workflow ''client-leads''.';
  END IF;
  PERFORM client.process_leads(ARRAY(SELECT nr.id FROM new_rows nr));
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION client.tg_lead_intake() IS 'Statement-level ingest trigger of raw.client_lead_payloads: registry check, then client.process_leads for the statement''s rows.';
