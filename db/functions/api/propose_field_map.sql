CREATE OR REPLACE FUNCTION api.propose_field_map(p_sample jsonb, p_entity_type text)
RETURNS TABLE (target text, json_path text[], expected_type text, matcher text, core_table text, sample_value text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- A field map for a new flat workflow, proposed from one sample payload:
-- every JSON path of the sample (objects walked, arrays and scalars are
-- leaves) is matched against reference.workflow_field_hints by its dotted
-- path or its last key (snake_case), with a JSON type the field accepts;
-- each path feeds at most one field (its best hint) and each field takes its
-- best path (hint priority, then the shallowest path). Target '_key' is the
-- entity key (top-level keys only: the registry's payload_key). Nothing is
-- written: hq workflows add prints this for review, api.add_workflow applies it.
BEGIN
  IF p_entity_type IS NULL OR p_entity_type NOT IN ('company', 'person') THEN
    RAISE EXCEPTION 'entity must be company or person, got %', coalesce(quote_literal(p_entity_type), 'NULL') USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(p_sample) IS DISTINCT FROM 'object' THEN
    RAISE EXCEPTION 'the sample must be a JSON object (one provider payload), got %', coalesce(jsonb_typeof(p_sample), 'NULL')
      USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
  WITH RECURSIVE walk (path, value) AS (
    SELECT ARRAY[e.key], e.value FROM jsonb_each(p_sample) AS e
    UNION ALL
    SELECT w.path || e.key, e.value
    FROM walk w CROSS JOIN LATERAL jsonb_each(w.value) AS e
    WHERE jsonb_typeof(w.value) = 'object' AND cardinality(w.path) < 6
  ), leaf AS (
    SELECT w.path, w.value, jsonb_typeof(w.value) AS jtype,
           (SELECT string_agg(core.snake_case(k), '.' ORDER BY n) FROM unnest(w.path) WITH ORDINALITY AS u(k, n)) AS dotted,
           core.snake_case(w.path[cardinality(w.path)]) AS last_key
    FROM walk w
    WHERE jsonb_typeof(w.value) <> 'object' AND jsonb_typeof(w.value) <> 'null'
  ), cand AS (
    SELECT l.path, l.value, h.target, h.expected_type, h.matcher, h.core_table, h.priority,
           cardinality(l.path) AS depth
    FROM leaf l
    JOIN reference.workflow_field_hints h
      ON h.entity_type = p_entity_type
     AND ((h.match_on = 'path' AND h.key_name = l.dotted) OR (h.match_on = 'key' AND h.key_name = l.last_key))
     AND (h.target <> '_key' OR cardinality(l.path) = 1)
     AND CASE h.expected_type WHEN 'scalar' THEN l.jtype IN ('string', 'number', 'boolean')
                              WHEN 'string' THEN l.jtype = 'string'
                              ELSE l.jtype = h.expected_type END
  ), per_path AS (
    SELECT DISTINCT ON (c.path) c.* FROM cand c ORDER BY c.path, c.priority, c.depth, c.target
  ), per_target AS (
    SELECT DISTINCT ON (p.target) p.* FROM per_path p ORDER BY p.target, p.priority, p.depth, p.path
  )
  SELECT t.target, t.path, t.expected_type, t.matcher, t.core_table,
         left(CASE WHEN jsonb_typeof(t.value) = 'string' THEN t.value #>> '{}' ELSE t.value::text END, 60)
  FROM per_target t
  ORDER BY t.target = '_key' DESC, t.core_table, t.target;
END;
$$;
COMMENT ON FUNCTION api.propose_field_map(jsonb, text) IS
  'Proposed field map for a new flat workflow from a sample payload, per reference.workflow_field_hints (read-only).';
