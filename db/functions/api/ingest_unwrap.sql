CREATE OR REPLACE FUNCTION api.ingest_unwrap(p_workflow_slug text, p_body jsonb)
RETURNS jsonb
LANGUAGE plpgsql
IMMUTABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The provider payload and the envelope's other fields: {payload, keys}.
-- A body that is the existing Clay tables' envelope (an object holding both
-- workflow_slug and raw_payload) gives its raw_payload (an object, or a
-- JSON string holding one, parsed here; a string that is not JSON is kept
-- as sent, and the pipeline flags it) and its other fields as keys (the
-- workflow's key column, linkedin_url, company_domain: api.ingest picks).
-- Any other body is the payload itself (keys {}). An envelope for another workflow than the path's raises 22023.
DECLARE
  v_raw jsonb;
BEGIN
  IF jsonb_typeof(p_body) IS DISTINCT FROM 'object' OR NOT (p_body ? 'workflow_slug' AND p_body ? 'raw_payload') THEN
    RETURN jsonb_build_object('payload', p_body, 'keys', '{}'::jsonb);
  END IF;
  IF p_body ->> 'workflow_slug' IS DISTINCT FROM p_workflow_slug THEN
    RAISE EXCEPTION 'envelope workflow_slug % does not match the path''s %', coalesce(quote_literal(p_body ->> 'workflow_slug'), 'NULL'),
      quote_literal(p_workflow_slug)
      USING ERRCODE = '22023', COLUMN = 'workflow_slug',
            HINT = 'Send the envelope to POST /ingest/' || coalesce(p_body ->> 'workflow_slug', '{workflow_slug}') || '.';
  END IF;
  v_raw := p_body -> 'raw_payload';
  IF jsonb_typeof(v_raw) = 'string' THEN
    v_raw := coalesce(core.try_parse_jsonb(v_raw #>> '{}'), v_raw);
  END IF;
  RETURN jsonb_build_object('payload', v_raw, 'keys', p_body - ARRAY['workflow_slug', 'raw_payload']);
END;
$$;
COMMENT ON FUNCTION api.ingest_unwrap(text, jsonb) IS
  'Clay envelope {key, workflow_slug, raw_payload} -> {payload, keys} (raw_payload parsed when a JSON string); any other body is the payload. 22023 when the envelope names another workflow.';
