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
  WITH n AS MATERIALIZED (  -- materialized: the payload and the key are computed once per row
    SELECT u.id, u.slug, u.created_at, u.payload, u.payload_key, u.key_text,
           core.normalize_entity_key(%4$L, u.key_text) AS ekey
    FROM (SELECT p.*, coalesce(NULLIF(btrim(p.raw_key), ''),
                               CASE WHEN jsonb_typeof(p.payload) = 'object' THEN p.payload ->> p.payload_key END) AS key_text
          FROM (SELECT nr.id, nr.workflow_slug AS slug, nr.created_at, nr.%1$I AS raw_key, r.payload_key,
                       %3$s AS payload
                FROM %5$s nr JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = nr.workflow_slug) p) u
  ), e AS (  -- field types per reference.workflow_field_map, one type test per (payload, field); missing and null are fine
    SELECT n.id,
           string_agg(format('field %%s (%%s): expected %%s, got %%s', m.target, array_to_string(m.json_path, '.'),
                             m.expected_type, jsonb_typeof(n.payload #> m.json_path)), '; ' ORDER BY m.target) AS error
    FROM n JOIN reference.workflow_field_map m ON m.workflow_slug = n.slug
    WHERE jsonb_typeof(n.payload) = 'object'
      AND NOT jsonb_typeof(n.payload #> m.json_path) = ANY (CASE m.expected_type WHEN 'scalar' THEN '{"null",string,number,boolean}'::text[]
                                                                               ELSE ARRAY['null', m.expected_type] END)
    GROUP BY n.id
  ), v AS MATERIALIZED (  -- narrow (no payload): the window below sorts ids and keys, not payloads
    SELECT n.id, n.slug, n.created_at, n.ekey,
           CASE
             WHEN n.payload IS NULL THEN 'raw_payload: a JSON string that does not contain valid JSON'
             WHEN jsonb_typeof(n.payload) <> 'object' THEN 'raw_payload: expected a JSON object, got ' || jsonb_typeof(n.payload)
             WHEN n.key_text IS NULL THEN %2$L || ': missing (no ' || %2$L || ' column value and no "' || n.payload_key || '" in the payload)'
             WHEN n.ekey IS NULL
               THEN %2$L || ': ' || quote_literal(left(n.key_text, 200)) || CASE WHEN length(n.key_text) > 200 THEN ' (' || length(n.key_text) || ' characters)' ELSE '' END || CASE %4$L WHEN 'company' THEN ' is not a domain' ELSE ' is not a LinkedIn profile URL' END
             ELSE e.error
           END AS error
    FROM n LEFT JOIN e ON e.id = n.id
  ), w AS (
    SELECT v.id, v.slug, v.ekey, v.error,
           v.error IS NULL AND row_number() OVER (PARTITION BY v.ekey, v.slug, v.error IS NULL
                                                  ORDER BY v.created_at DESC, v.id DESC) = 1 AS newest
    FROM v
  )
  -- the payloads joined back from the source rows, the narrow side hashed:
  -- the payload expression runs a second time per row (a reference for JSON
  -- rows; 20,000 Sales Navigator rows load in 10.7 s, as when payloads went
  -- through the window sort)
  SELECT w.id, w.slug, w.ekey, %3$s, w.error, w.newest
  FROM %5$s nr JOIN w ON w.id = nr.id
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
