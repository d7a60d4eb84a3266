CREATE OR REPLACE FUNCTION api.ingest_reject(
  p_path text, p_workflow_slug text, p_entity_key text, p_headers jsonb, p_body bytea, p_error text, p_status integer)
RETURNS uuid
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Keep a refused webhook request in raw.rejected_requests (the dead-letter
  -- table) and return its id. Header names are stored lower-case and the
  -- secret ones (x-api-key, authorization, cookie, webhook-signature) are
  -- dropped here, whatever the caller passed.
  INSERT INTO raw.rejected_requests (path, workflow_slug, entity_key, headers, body, error, status)
  VALUES (p_path, p_workflow_slug, p_entity_key,
          coalesce((SELECT jsonb_object_agg(lower(h.key), h.value) FROM jsonb_each(p_headers) h
                    WHERE lower(h.key) NOT IN ('x-api-key', 'authorization', 'cookie', 'webhook-signature')), '{}'),
          coalesce(p_body, ''::bytea), coalesce(p_error, 'rejected'), coalesce(p_status, 400))
  RETURNING id;
$$;
COMMENT ON FUNCTION api.ingest_reject(text, text, text, jsonb, bytea, text, integer) IS
  'Dead letter: keep a refused webhook request (path, slug, headers without secrets, body bytes, error) in raw.rejected_requests; returns its id.';
