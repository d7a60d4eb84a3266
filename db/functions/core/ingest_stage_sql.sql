CREATE OR REPLACE FUNCTION core.ingest_stage_sql(p_schema text, p_table text, p_from_new_rows boolean)
RETURNS text
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The statement that stages raw rows of p_schema.p_table into
-- pg_temp.hq_ingest_batch, validated set-based: the payload (a JSON string
-- holding the object unwrapped; Sales Navigator rows built from their flat
-- columns plus the row as received, headers in snake_case), the normalized
-- entity key (raw key column, else the registry's payload key), a precise
-- error (not JSON, not an object, key missing or invalid, field types per
-- reference.workflow_field_map), and whether the row is the newest valid one
-- for its (entity, workflow). Rows come from the trigger's transition table
-- new_rows, or from the raw table itself for ids passed as $1 (replay).
-- Identifiers are quoted with %I, values with %L.
DECLARE
  v_key_column text;
  v_entity_type text;
BEGIN
  SELECT r.key_column, r.entity_type INTO v_key_column, v_entity_type
  FROM reference.enrichment_workflow_registry r
  WHERE r.raw_table = p_schema || '.' || p_table
  LIMIT 1;
  IF v_key_column IS NULL THEN
    RAISE EXCEPTION 'no workflow is registered for raw table %.%', p_schema, p_table USING ERRCODE = '22023';
  END IF;
  -- the raw key column differs per table (registry key_column), hence %I
  RETURN format($sql$
  INSERT INTO pg_temp.hq_ingest_batch (id, slug, ekey, payload, error, newest)
  WITH u AS (
    SELECT nr.id, nr.workflow_slug AS slug, nr.created_at, nr.%1$I AS raw_key, r.payload_key,
           %3$s AS payload
    FROM %5$s nr JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = nr.workflow_slug
  ), k AS (
    SELECT u.*, coalesce(NULLIF(btrim(u.raw_key), ''),
                         CASE WHEN jsonb_typeof(u.payload) = 'object' THEN u.payload ->> u.payload_key END) AS key_text
    FROM u
  ), n AS MATERIALIZED (  -- materialized: each function runs once per row
    SELECT k.*, core.normalize_entity_key(%4$L, k.key_text) AS ekey FROM k
  ), e AS MATERIALIZED (  -- field type errors, set-based
    SELECT * FROM core.payload_errors(ARRAY(SELECT n.id FROM n), ARRAY(SELECT n.slug FROM n), ARRAY(SELECT n.payload FROM n))
  ), v AS MATERIALIZED (
    SELECT n.id, n.slug, n.created_at, n.payload, n.ekey,
           CASE
             WHEN n.payload IS NULL THEN 'raw_payload: a JSON string that does not contain valid JSON'
             WHEN jsonb_typeof(n.payload) <> 'object' THEN 'raw_payload: expected a JSON object, got ' || jsonb_typeof(n.payload)
             WHEN n.key_text IS NULL THEN %2$L || ': missing (no ' || %2$L || ' column value and no "' || n.payload_key || '" in the payload)'
             WHEN n.ekey IS NULL
               THEN %2$L || ': ' || quote_literal(left(n.key_text, 200)) || CASE WHEN length(n.key_text) > 200 THEN ' (' || length(n.key_text) || ' characters)' ELSE '' END || CASE %4$L WHEN 'company' THEN ' is not a domain' ELSE ' is not a LinkedIn profile URL' END
             ELSE e.error
           END AS error
    FROM n LEFT JOIN e ON e.id = n.id
  )
  SELECT v.id, v.slug, v.ekey, v.payload, v.error,
         v.error IS NULL AND row_number() OVER (PARTITION BY v.ekey, v.slug, v.error IS NULL
                                                ORDER BY v.created_at DESC, v.id DESC) = 1
  FROM v
  $sql$, v_key_column, v_key_column,
  CASE WHEN p_table = 'salesnav_scrapes'
       -- flat CSV columns, completed by the row as received (headers in snake_case)
       THEN $x$core.snake_case_keys(CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END)
               || jsonb_strip_nulls(to_jsonb(nr) - '{id,workflow_slug,provider,platform,payload_type,raw_payload,idempotency_key,created_at,extraction_status,extraction_error,processed_at}'::text[])$x$
       ELSE $x$CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END$x$
  END, v_entity_type,
  CASE WHEN p_from_new_rows THEN 'new_rows' ELSE format('(SELECT * FROM %I.%I x WHERE x.id = ANY ($1))', p_schema, p_table) END);

END;
$$;
COMMENT ON FUNCTION core.ingest_stage_sql(text, text, boolean) IS
  'SQL that validates and stages raw rows (transition table or ids) into pg_temp.hq_ingest_batch; identifiers via %I.';
