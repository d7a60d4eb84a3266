CREATE OR REPLACE FUNCTION api.ingest_webhook(
  p_workflow_slug text, p_payload jsonb, p_key text DEFAULT NULL, p_idempotency_key text DEFAULT NULL,
  OUT result jsonb, OUT secrets text[])
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The webhook route's first call for a delivery. A workflow without a
-- signing secret takes it as it comes: it is stored by api.ingest and
-- result is that answer (secrets NULL). A workflow with one takes only
-- signed webhooks: nothing is stored, result is NULL and secrets are the
-- valid ones (api.ingest_webhook_secrets), with which the shell checks the
-- signature, claims the webhook-id (api.ingest_claim_webhook_id) and then
-- calls api.ingest itself. An unsigned webhook, the common case, so costs
-- one call instead of a secrets lookup followed by the ingest.
BEGIN
  secrets := api.ingest_webhook_secrets(p_workflow_slug);
  IF cardinality(secrets) > 0 THEN
    RETURN;
  END IF;
  secrets := NULL;
  result := api.ingest(p_workflow_slug, p_payload, p_key, p_idempotency_key);
END;
$$;
COMMENT ON FUNCTION api.ingest_webhook(text, jsonb, text, text) IS
  'One webhook delivery: stored by api.ingest (its answer in result) when the workflow needs no signature; otherwise nothing is stored and secrets holds the valid signing secrets to verify it with.';
