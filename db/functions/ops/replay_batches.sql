CREATE OR REPLACE PROCEDURE core.replay_batches(
  p_workflow_slug text DEFAULT NULL, p_all boolean DEFAULT false, p_batch_size integer DEFAULT 5000)
LANGUAGE plpgsql
AS $$
-- Replay in batches with a COMMIT after each (call it outside an explicit
-- transaction): failed or pending rows, or every row with p_all, of one
-- workflow or all active ones, in (created_at, id) order, printing progress
-- as NOTICEs. Safe to interrupt and re-run: finished batches are committed
-- and a re-run only finds what is still failed (or, with p_all, redoes rows
-- idempotently). Not SECURITY DEFINER (a procedure that commits cannot be):
-- run it as the owner.
DECLARE
  v_table text;
  v_ids uuid[];
  v_last_at timestamptz;
  v_last_id uuid;
  v_done bigint := 0;
  v_batch integer;
BEGIN
  FOR v_table IN SELECT * FROM core.replay_raw_tables(p_workflow_slug) LOOP
    v_last_at := '-infinity';
    v_last_id := '00000000-0000-0000-0000-000000000000';
    LOOP
      SELECT r.ids, r.last_created_at INTO v_ids, v_last_at
      FROM core.replay_row_ids(v_table, p_workflow_slug, p_all, v_last_at, v_last_id, p_batch_size) r;
      EXIT WHEN v_ids IS NULL;
      v_last_id := v_ids[cardinality(v_ids)];
      v_batch := core.replay_rows(v_table, v_ids);
      v_done := v_done + v_batch;
      COMMIT;
      RAISE NOTICE 'replay %: % rows (% in total)', v_table, v_batch, v_done;
    END LOOP;
  END LOOP;
  RAISE NOTICE 'replay finished: % rows', v_done;
END;
$$;
COMMENT ON PROCEDURE core.replay_batches(text, boolean, integer) IS
  'Replay raw rows in batches with a COMMIT per batch and progress NOTICEs; safe to interrupt and re-run.';
