CREATE OR REPLACE FUNCTION raw.tg_ingest()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Statement-level AFTER INSERT on every raw table of the registry, companies
-- and people alike (transition table new_rows; key column and entity type
-- from the registry; Sales Navigator rows: the flat columns form the
-- payload). Rejects unknown or inactive workflow slugs; validates every row
-- set-based (JSON object, a key that is a domain or a LinkedIn profile URL,
-- field types per reference.workflow_field_map; a JSON string holding the
-- object is unwrapped); runs core.process_batch once for the good rows (per
-- row only if the batch raises, so one bad row never blocks the others);
-- marks the newest row per (entity, workflow) processed and older ones in
-- the same statement 'skipped'; records reference.enrichment_runs; fills
-- provider/platform/payload_type and the normalized key on the raw row.
DECLARE
  v_bad record;
  v_ids uuid[]; v_slugs text[]; v_keys text[]; v_payloads jsonb[];
  v_i int;
  v_err text;
  v_failed jsonb := '{}';
  v_key_column text;
  v_entity_type text;
BEGIN
  SELECT n.workflow_slug, r.workflow_slug IS NULL AS unknown, r.raw_table INTO v_bad
  FROM (SELECT DISTINCT nr.workflow_slug FROM new_rows nr) n
  LEFT JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = n.workflow_slug
  WHERE r.workflow_slug IS NULL OR NOT r.is_active OR r.raw_table <> TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'workflow_slug % is %', coalesce(quote_literal(v_bad.workflow_slug), 'NULL'),
      CASE WHEN v_bad.unknown THEN 'not registered'
           WHEN v_bad.raw_table <> TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME THEN 'registered for ' || v_bad.raw_table || ', not ' || TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
           ELSE 'inactive' END
      USING ERRCODE = '23503',
            HINT = 'Register it with INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table, key_column, payload_key) VALUES (...), or set is_active = true.';
  END IF;

  SELECT r.key_column, r.entity_type INTO v_key_column, v_entity_type
  FROM reference.enrichment_workflow_registry r
  WHERE r.raw_table = TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
  LIMIT 1;

  CREATE TEMP TABLE IF NOT EXISTS pg_temp.hq_ingest_batch (
    id uuid, slug text, ekey text, payload jsonb, error text, newest boolean) ON COMMIT DROP;
  TRUNCATE pg_temp.hq_ingest_batch;
  -- the raw key column differs per table (registry key_column), hence %I
  EXECUTE format($sql$
  INSERT INTO pg_temp.hq_ingest_batch (id, slug, ekey, payload, error, newest)
  WITH u AS (
    SELECT nr.id, nr.workflow_slug AS slug, nr.created_at, nr.%1$I AS raw_key, r.payload_key,
           %3$s AS payload
    FROM new_rows nr JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = nr.workflow_slug
  ), k AS (
    SELECT u.*, coalesce(NULLIF(btrim(u.raw_key), ''),
                         CASE WHEN jsonb_typeof(u.payload) = 'object' THEN u.payload ->> u.payload_key END) AS key_text
    FROM u
  ), v AS (
    SELECT k.id, k.slug, k.created_at, k.payload, core.normalize_entity_key(%4$L, k.key_text) AS ekey,
           CASE
             WHEN k.payload IS NULL THEN 'raw_payload: a JSON string that does not contain valid JSON'
             WHEN jsonb_typeof(k.payload) <> 'object' THEN 'raw_payload: expected a JSON object, got ' || jsonb_typeof(k.payload)
             WHEN k.key_text IS NULL THEN %2$L || ': missing (no ' || %2$L || ' column value and no "' || k.payload_key || '" in the payload)'
             WHEN core.normalize_entity_key(%4$L, k.key_text) IS NULL
               THEN %2$L || ': ' || quote_literal(k.key_text) || CASE %4$L WHEN 'company' THEN ' is not a domain' ELSE ' is not a LinkedIn profile URL' END
             ELSE core.payload_errors(k.slug, k.payload)
           END AS error
    FROM k
  )
  SELECT v.id, v.slug, v.ekey, v.payload, v.error,
         v.error IS NULL AND row_number() OVER (PARTITION BY v.ekey, v.slug, v.error IS NULL
                                                ORDER BY v.created_at DESC, v.id DESC) = 1
  FROM v
  $sql$, v_key_column, v_key_column,
  CASE WHEN TG_TABLE_NAME = 'salesnav_scrapes'
       -- flat CSV columns, completed by the row as received (headers in snake_case)
       THEN $x$core.snake_case_keys(CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END)
               || jsonb_strip_nulls(to_jsonb(nr) - '{id,workflow_slug,provider,platform,payload_type,raw_payload,idempotency_key,created_at,extraction_status,extraction_error,processed_at}'::text[])$x$
       ELSE $x$CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END$x$
  END, v_entity_type);

  SELECT array_agg(b.id), array_agg(b.slug), array_agg(b.ekey), array_agg(b.payload)
    INTO v_ids, v_slugs, v_keys, v_payloads
  FROM pg_temp.hq_ingest_batch b WHERE b.newest ORDER BY 1;

  IF v_ids IS NOT NULL THEN
    BEGIN
      PERFORM core.process_batch(v_entity_type, v_ids, v_slugs, v_keys, v_payloads);
    EXCEPTION WHEN OTHERS THEN
      -- the batch failed as a whole: isolate the failing rows one by one
      FOR v_i IN 1 .. array_length(v_ids, 1) LOOP
        BEGIN
          PERFORM core.process_batch(v_entity_type, ARRAY[v_ids[v_i]], ARRAY[v_slugs[v_i]], ARRAY[v_keys[v_i]], ARRAY[v_payloads[v_i]]);
        EXCEPTION WHEN OTHERS THEN
          GET STACKED DIAGNOSTICS v_err = MESSAGE_TEXT;
          v_failed := v_failed || jsonb_build_object(v_ids[v_i]::text, 'processing: ' || v_err);
        END;
      END LOOP;
    END;
  END IF;

  UPDATE pg_temp.hq_ingest_batch b SET error = v_failed ->> b.id::text WHERE v_failed ? b.id::text;

  -- one statement for whichever company raw table fired (identifiers via %I)
  EXECUTE format($sql$
    UPDATE %I.%I t
       SET %3$I = coalesce(b.ekey, t.%3$I),
           provider = coalesce(t.provider, r.provider), platform = coalesce(t.platform, r.platform),
           payload_type = coalesce(t.payload_type, r.payload_type),
           extraction_status = CASE WHEN b.error IS NOT NULL THEN 'failed' WHEN b.newest THEN 'extracted' ELSE 'skipped' END,
           extraction_error = CASE WHEN b.error IS NOT NULL THEN b.error
                                   WHEN NOT b.newest THEN 'superseded by a newer payload for the same entity and workflow in the same statement' END,
           processed_at = now()%4$s
      FROM pg_temp.hq_ingest_batch b, reference.enrichment_workflow_registry r
     WHERE t.id = b.id AND r.workflow_slug = b.slug
  $sql$, TG_TABLE_SCHEMA, TG_TABLE_NAME, v_key_column,
  CASE WHEN TG_TABLE_NAME = 'salesnav_scrapes' THEN ', raw_payload = coalesce(t.raw_payload, b.payload)' ELSE '' END);

  INSERT INTO reference.enrichment_runs AS er (workflow_slug, entity_type, entity_key, status, records_processed, started_at, completed_at, error)
  SELECT DISTINCT ON (b.slug, coalesce(b.ekey, b.id::text))
         b.slug, v_entity_type, coalesce(b.ekey, b.id::text),
         CASE WHEN b.error IS NULL THEN 'completed' ELSE 'failed' END,
         CASE WHEN b.error IS NULL THEN 1 ELSE 0 END, now(), now(), b.error
  FROM pg_temp.hq_ingest_batch b
  WHERE b.newest OR b.error IS NOT NULL
  ORDER BY b.slug, coalesce(b.ekey, b.id::text), (b.error IS NULL) DESC
  ON CONFLICT (workflow_slug, entity_key) DO UPDATE SET
    status = excluded.status, records_processed = excluded.records_processed,
    started_at = excluded.started_at, completed_at = excluded.completed_at, error = excluded.error;

  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION raw.tg_ingest() IS 'Statement-level ingest trigger for every raw table: registry check, set-based validation, batch processing with per-row fallback, status and run tracking.';
