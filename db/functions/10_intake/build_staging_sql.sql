CREATE OR REPLACE FUNCTION core.build_staging_sql(
  p_schema text, p_table text, p_key_column text, p_entity_type text, p_flat_columns boolean, p_from_new_rows boolean)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Builds the one statement that stages raw rows of p_schema.p_table into
-- pg_temp.hq_ingest_batch, validated set-based: the payload (a JSON string
-- holding the object unwrapped; with p_flat_columns, built from the row's
-- flat columns plus raw_payload, headers in snake_case), the normalized
-- entity key (raw key column p_key_column, else the registry's payload
-- key), a precise error (not JSON, not an object, key missing or invalid,
-- field types per reference.workflow_field_map), and whether the row is the
-- newest valid one for its (entity, workflow). Rows come from the
-- trigger's transition table new_rows (p_from_new_rows), or from the raw
-- table itself for the ids passed as $1 (replay). The arguments come from
-- core.raw_table_registration. Identifiers are quoted with %I, values
-- with %L.
DECLARE
  v_payload text := CASE WHEN p_flat_columns
    -- flat columns, completed by the row as received (headers in snake_case)
    THEN $x$core.snake_case_keys(CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END)
            || jsonb_strip_nulls(to_jsonb(nr) - '{id,workflow_slug,provider,platform,payload_type,raw_payload,idempotency_key,created_at,extraction_status,extraction_error,processed_at}'::text[])$x$
    ELSE $x$CASE WHEN jsonb_typeof(nr.raw_payload) = 'string' THEN core.try_parse_jsonb(nr.raw_payload #>> '{}') ELSE nr.raw_payload END$x$
  END;
BEGIN
  RETURN format($sql$
  INSERT INTO pg_temp.hq_ingest_batch (id, slug, ekey, payload, error, newest)
  WITH parsed AS MATERIALIZED (  -- materialized: the payload and the key are computed once per row
    SELECT u.id, u.slug, u.created_at, u.payload, u.payload_key, u.key_text,
           core.normalize_entity_key(%3$L, u.key_text) AS ekey
    FROM (SELECT p.*, coalesce(NULLIF(btrim(p.raw_key), ''),
                               CASE WHEN jsonb_typeof(p.payload) = 'object' THEN p.payload ->> p.payload_key END) AS key_text
          FROM (SELECT nr.id, nr.workflow_slug AS slug, nr.created_at, nr.%1$I AS raw_key, r.payload_key,
                       %2$s AS payload
                FROM %4$s nr JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = nr.workflow_slug) p) u
  ), type_errors AS (  -- one type test per (payload, mapped field); missing and null are fine
    SELECT parsed.id,
           string_agg(format('field %%s (%%s): expected %%s, got %%s', m.target, array_to_string(m.json_path, '.'),
                             m.expected_type, jsonb_typeof(parsed.payload #> m.json_path)), '; ' ORDER BY m.target) AS error
    FROM parsed JOIN reference.workflow_field_map m ON m.workflow_slug = parsed.slug
    WHERE jsonb_typeof(parsed.payload) = 'object'
      AND NOT jsonb_typeof(parsed.payload #> m.json_path) = ANY (CASE m.expected_type WHEN 'scalar' THEN '{"null",string,number,boolean}'::text[]
                                                                                    ELSE ARRAY['null', m.expected_type] END)
    GROUP BY parsed.id
  ), validated AS MATERIALIZED (  -- narrow (no payload): the window below sorts ids and keys, not payloads
    SELECT parsed.id, parsed.slug, parsed.created_at, parsed.ekey,
           CASE
             WHEN parsed.payload IS NULL THEN 'raw_payload: a JSON string that does not contain valid JSON'
             WHEN jsonb_typeof(parsed.payload) <> 'object' THEN 'raw_payload: expected a JSON object, got ' || jsonb_typeof(parsed.payload)
             WHEN parsed.key_text IS NULL THEN %1$L || ': missing (no ' || %1$L || ' column value and no "' || parsed.payload_key || '" in the payload)'
             WHEN parsed.ekey IS NULL
               THEN %1$L || ': ' || quote_literal(left(parsed.key_text, 200)) || CASE WHEN length(parsed.key_text) > 200 THEN ' (' || length(parsed.key_text) || ' characters)' ELSE '' END || CASE %3$L WHEN 'company' THEN ' is not a domain' ELSE ' is not a LinkedIn profile URL' END
             ELSE type_errors.error
           END AS error
    FROM parsed LEFT JOIN type_errors ON type_errors.id = parsed.id
  ), ranked AS (
    SELECT validated.id, validated.slug, validated.ekey, validated.error,
           validated.error IS NULL AND row_number() OVER (PARTITION BY validated.ekey, validated.slug, validated.error IS NULL
                                                          ORDER BY validated.created_at DESC, validated.id DESC) = 1 AS newest
    FROM validated
  )
  -- the payloads joined back from the source rows, the narrow side hashed:
  -- the payload expression runs a second time per row, which is cheaper
  -- than carrying payloads through the window sort
  SELECT ranked.id, ranked.slug, ranked.ekey, %2$s, ranked.error, ranked.newest
  FROM %4$s nr JOIN ranked ON ranked.id = nr.id
  $sql$, p_key_column, v_payload, p_entity_type,
  CASE WHEN p_from_new_rows THEN 'new_rows' ELSE format('(SELECT * FROM %I.%I x WHERE x.id = ANY ($1))', p_schema, p_table) END);
END;
$$;
COMMENT ON FUNCTION core.build_staging_sql(text, text, text, text, boolean, boolean) IS
  'Builds the statement that validates raw rows (transition table or ids) and stages them into pg_temp.hq_ingest_batch; identifiers via %I.';
