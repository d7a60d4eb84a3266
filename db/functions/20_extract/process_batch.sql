CREATE OR REPLACE FUNCTION core.process_batch(
  p_entity_type text, p_ids uuid[], p_slugs text[], p_keys text[], p_payloads jsonb[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Dispatch a validated batch (one element per raw row) to the company or the
-- person pipeline.
BEGIN
  IF p_entity_type = 'company' THEN
    PERFORM core.process_company_batch(p_ids, p_slugs, p_keys, p_payloads);
    PERFORM core.process_company_similar(p_ids, p_slugs, p_keys, p_payloads);  -- fans out similar companies
    PERFORM core.process_company_relations(p_ids, p_slugs, p_keys, p_payloads);
  ELSE
    PERFORM core.process_person_batch(p_ids, p_slugs, p_keys, p_payloads);
  END IF;
END;
$$;
COMMENT ON FUNCTION core.process_batch(text, uuid[], text[], text[], jsonb[]) IS 'Run the company or person pipeline for a validated batch of raw rows.';
