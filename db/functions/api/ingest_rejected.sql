CREATE OR REPLACE FUNCTION api.ingest_rejected(p_workflow_slug text, p_keys text[], p_reasons text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The reasons of bulk-file rows the database could not store as sent (a NUL
-- byte, invalid UTF-8, a broken record): the loader stores each as a raw row
-- holding {"rejected_row": {line, reason, text}} under its delivery key, the
-- ingest trigger marks it failed (it has no entity key), and this names the
-- cause, line number included, in extraction_error. Only failed rows of
-- that shape are touched, so the ingest role cannot relabel anything else.
-- Returns how many rows it updated.
DECLARE
  v_table text;
  v_rows integer;
BEGIN
  SELECT r.raw_table INTO v_table FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF v_table IS NULL THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', coalesce(quote_literal(p_workflow_slug), 'NULL') USING ERRCODE = '22023';
  END IF;
  EXECUTE format($sql$
    UPDATE %I.%I t SET extraction_error = u.reason
    FROM unnest($1, $2) AS u(key, reason)
    WHERE t.idempotency_key = u.key AND t.extraction_status = 'failed' AND t.raw_payload ? 'rejected_row'
  $sql$, split_part(v_table, '.', 1), split_part(v_table, '.', 2))
  USING p_keys, p_reasons;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION api.ingest_rejected(text, text[], text[]) IS
  'Bulk loads: the reason (line number, cause) of rows stored failed because the database could not store them as sent.';
