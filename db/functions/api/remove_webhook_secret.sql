CREATE OR REPLACE FUNCTION api.remove_webhook_secret(p_workflow_slug text)
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Stop requiring signatures on a workflow's webhooks (admin); returns 1 when one was set.
  WITH d AS (DELETE FROM reference.webhook_secrets s WHERE s.workflow_slug = p_workflow_slug RETURNING 1)
  SELECT count(*)::integer FROM d;
$$;
COMMENT ON FUNCTION api.remove_webhook_secret(text) IS 'Remove a workflow''s webhook signing secret (its webhooks are then accepted unsigned); returns 1 when one was set.';
