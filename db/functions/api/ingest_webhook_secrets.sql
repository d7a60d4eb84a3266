CREATE OR REPLACE FUNCTION api.ingest_webhook_secrets(p_workflow_slug text)
RETURNS text[]
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The secrets a webhook of this workflow may be signed with (current, and
  -- the previous one during its grace period); NULL when signing is off.
  SELECT array_remove(ARRAY[s.secret, CASE WHEN s.previous_valid_until > now() THEN s.previous_secret END], NULL)
  FROM reference.webhook_secrets s
  WHERE s.workflow_slug = p_workflow_slug;
$$;
COMMENT ON FUNCTION api.ingest_webhook_secrets(text) IS 'Valid signing secrets of a workflow (current and, during its grace, previous); NULL when its webhooks need no signature.';
