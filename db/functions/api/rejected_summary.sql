CREATE OR REPLACE FUNCTION api.rejected_summary()
RETURNS TABLE (workflow_slug text, rejected bigint, replayed bigint, last_received_at timestamptz, last_error text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Dead letters per workflow slug (as sent in the path): still rejected,
  -- already replayed, the latest arrival and the latest error still open.
  -- What `hq status` prints under the workflows.
  SELECT q.workflow_slug,
         count(*) FILTER (WHERE q.replayed_at IS NULL),
         count(*) FILTER (WHERE q.replayed_at IS NOT NULL),
         max(q.received_at),
         (array_agg(q.error ORDER BY q.received_at DESC) FILTER (WHERE q.replayed_at IS NULL))[1]
  FROM raw.rejected_requests q
  GROUP BY q.workflow_slug
  ORDER BY q.workflow_slug;
$$;
COMMENT ON FUNCTION api.rejected_summary() IS 'Dead-lettered webhook requests per workflow slug: rejected, replayed, last arrival, last open error (hq status).';
