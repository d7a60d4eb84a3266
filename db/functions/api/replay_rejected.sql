CREATE OR REPLACE FUNCTION api.replay_rejected(p_workflow_slug text DEFAULT NULL, p_id uuid DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Re-try the dead letters of raw.rejected_requests not yet replayed (one
-- workflow, one request, or all): each body is parsed as JSON (UTF-8, a
-- byte-order mark allowed) and given to api.ingest with the slug, ?key= and
-- Idempotency-Key it came with. A request that now goes in gets replayed_at
-- and raw_id; one that fails again keeps its place with the new error.
-- Returns {replayed, still_rejected, results: [{id, raw_id, extraction_status}
-- or {id, error}]}.
-- One request at a time, each in its own subtransaction: every request is a
-- separate delivery whose failure must not undo the others (the table holds
-- the few requests that were refused, not bulk data).
DECLARE
  v_r raw.rejected_requests;
  v_out jsonb;
  v_results jsonb := '[]';
  v_ok integer := 0;
  v_bad integer := 0;
  v_err text;
BEGIN
  FOR v_r IN
    SELECT q.* FROM raw.rejected_requests q
    WHERE q.replayed_at IS NULL AND (p_workflow_slug IS NULL OR q.workflow_slug = p_workflow_slug)
      AND (p_id IS NULL OR q.id = p_id)
    ORDER BY q.received_at, q.id
    FOR UPDATE SKIP LOCKED
  LOOP
    BEGIN
      v_out := api.ingest(v_r.workflow_slug,
                          ltrim(convert_from(v_r.body, 'UTF8'), chr(65279))::jsonb,
                          v_r.entity_key, v_r.headers ->> 'idempotency-key');
      UPDATE raw.rejected_requests SET replayed_at = now(), raw_id = (v_out ->> 'raw_id')::uuid WHERE id = v_r.id;
      v_results := v_results || jsonb_build_array(jsonb_build_object('id', v_r.id) || v_out);
      v_ok := v_ok + 1;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS v_err = MESSAGE_TEXT;
      UPDATE raw.rejected_requests SET error = v_err WHERE id = v_r.id;
      v_results := v_results || jsonb_build_array(jsonb_build_object('id', v_r.id, 'error', v_err));
      v_bad := v_bad + 1;
    END;
  END LOOP;
  RETURN jsonb_build_object('replayed', v_ok, 'still_rejected', v_bad, 'results', v_results);
END;
$$;
COMMENT ON FUNCTION api.replay_rejected(text, uuid) IS
  'Re-try dead-lettered webhook requests (raw.rejected_requests) through api.ingest; marks those that go in; {replayed, still_rejected, results}.';
