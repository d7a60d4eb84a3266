CREATE OR REPLACE FUNCTION api.ingest_claim_webhook_id(p_workflow_slug text, p_webhook_id text, p_ttl_seconds integer DEFAULT 600)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Record a signed webhook's id in the caller's transaction: true the first
-- time, false for a replay still within its expiry (the tolerance window,
-- twice over). Called in the same transaction as api.ingest, so a delivery
-- that is rolled back can be retried with its id. Also deletes up to 100
-- expired ids, skipping rows another session holds, so the table stays small
-- without a scheduled job.
DECLARE
  v_claimed boolean;
BEGIN
  IF p_webhook_id IS NULL OR length(p_webhook_id) > 255 THEN
    RAISE EXCEPTION 'webhook-id must be 1 to 255 characters' USING ERRCODE = '22023';
  END IF;
  DELETE FROM reference.webhook_deliveries d
  WHERE d.ctid = ANY (ARRAY(SELECT x.ctid FROM reference.webhook_deliveries x
                            WHERE x.expires_at < now() LIMIT 100 FOR UPDATE SKIP LOCKED));
  INSERT INTO reference.webhook_deliveries AS d (workflow_slug, webhook_id, expires_at)
  VALUES (p_workflow_slug, p_webhook_id, now() + make_interval(secs => p_ttl_seconds))
  ON CONFLICT (workflow_slug, webhook_id) DO UPDATE
    SET received_at = now(), expires_at = excluded.expires_at
    WHERE d.expires_at < now()
  RETURNING true INTO v_claimed;
  RETURN coalesce(v_claimed, false);
END;
$$;
COMMENT ON FUNCTION api.ingest_claim_webhook_id(text, text, integer) IS 'Record a webhook-id for replay protection: true when new (or expired), false for a replay.';
