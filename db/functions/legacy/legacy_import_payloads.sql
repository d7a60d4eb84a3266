CREATE OR REPLACE FUNCTION core.legacy_import_payloads(p_source text, p_legacy_table text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- run by hq import-legacy as the deploying user, over its session's temp table
SET search_path = pg_catalog, pg_temp
AS $$
-- Staged legacy payload rows (pg_temp.legacy_batch) -> the raw table of
-- their workflow in HQ's registry (batches come oldest first; in a batch the
-- ingest trigger keeps the newest per entity by created_at), each with its delivery
-- time (created_at) and idempotency key 'legacy:<legacy table>:<legacy id>'
-- (a row already imported is not imported again); the raw tables' ingest
-- triggers extract, match and coalesce them. A workflow_slug HQ does not
-- know (or has deactivated) is never guessed: the row is listed in
-- reference.legacy_import_skips, and leaves it when a later run imports it.
-- Flat columns of the target (Sales Navigator's) are filled from the
-- payload. Identifiers via %I, values via %L. Returns raw rows inserted.
DECLARE
  v_t record;
  v_cols text;
  v_names text[];
  v_n integer := 0;
  v_i integer;
BEGIN
  INSERT INTO reference.legacy_import_skips AS s (source, legacy_table, legacy_id, workflow_slug, reason)
  SELECT p_source, p_legacy_table, b.legacy_id, b.workflow_slug,
         CASE WHEN b.workflow_slug IS NULL THEN 'no workflow_slug'
              WHEN r.workflow_slug IS NULL THEN 'workflow_slug not registered in HQ (hq workflows add)'
              ELSE 'workflow inactive in HQ' END
  FROM pg_temp.legacy_batch b
  LEFT JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.workflow_slug
  WHERE r.workflow_slug IS NULL OR NOT r.is_active
  ON CONFLICT (source, legacy_table, legacy_id) DO UPDATE SET workflow_slug = excluded.workflow_slug, reason = excluded.reason, seen_at = now();

  FOR v_t IN
    SELECT DISTINCT split_part(r.raw_table, '.', 1) AS nsp, split_part(r.raw_table, '.', 2) AS rel, r.raw_table, r.key_column
    FROM pg_temp.legacy_batch b
    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.workflow_slug AND r.is_active
  LOOP
    -- the target's own columns beyond the key and the managed ones (Sales Navigator's CSV columns)
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum), array_agg(a.attname::text ORDER BY a.attnum)
    INTO v_cols, v_names
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = to_regclass(v_t.raw_table) AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname NOT IN ('id', 'workflow_slug', 'provider', 'platform', 'payload_type', 'raw_payload', 'idempotency_key',
                            'idempotency_digest', 'created_at', 'extraction_status', 'extraction_error', 'processed_at',
                            v_t.key_column);
    EXECUTE format($sql$
      INSERT INTO %I.%I AS t (%I, workflow_slug, raw_payload, idempotency_key, created_at%s)
      SELECT b.key_value, b.workflow_slug, b.payload::jsonb, 'legacy:' || %L || ':' || b.legacy_id, coalesce(b.created_at, now())%s
      FROM pg_temp.legacy_batch b
      JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.workflow_slug AND r.is_active AND r.raw_table = %L
      %s
      ON CONFLICT (idempotency_key) DO NOTHING$sql$,
      v_t.nsp, v_t.rel, v_t.key_column,
      CASE WHEN v_cols IS NOT NULL THEN ', ' || v_cols ELSE '' END,
      p_legacy_table,
      CASE WHEN v_cols IS NOT NULL THEN ', ' || (SELECT string_agg('f.' || c, ', ') FROM unnest(string_to_array(v_cols, ', ')) AS c) ELSE '' END,
      v_t.raw_table,
      CASE WHEN v_cols IS NOT NULL
           -- only the payload's keys naming those columns: any other key (a provider's "id", say)
           -- would be cast to the table's column of that name and could fail
           THEN format('CROSS JOIN LATERAL jsonb_populate_record(NULL::%I.%I, CASE WHEN jsonb_typeof(b.payload::jsonb) = ''object'' '
                       'THEN (SELECT coalesce(jsonb_object_agg(e.key, e.value), ''{}'') FROM jsonb_each(b.payload::jsonb) e '
                       'WHERE e.key = ANY (%L::text[])) ELSE ''{}'' END) f',
                       v_t.nsp, v_t.rel, v_names)
           ELSE '' END);
    GET DIAGNOSTICS v_i = ROW_COUNT;
    v_n := v_n + v_i;
  END LOOP;

  DELETE FROM reference.legacy_import_skips s
  USING pg_temp.legacy_batch b
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = b.workflow_slug AND r.is_active
  WHERE s.source = p_source AND s.legacy_table = p_legacy_table AND s.legacy_id = b.legacy_id;
  RETURN v_n;
END;
$$;
COMMENT ON FUNCTION core.legacy_import_payloads(text, text) IS
  'hq import-legacy: staged legacy payloads -> HQ raw tables by registered workflow (idempotency key legacy:<table>:<id>); unknown slugs listed, never guessed.';
