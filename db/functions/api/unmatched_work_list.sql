CREATE OR REPLACE FUNCTION api.unmatched_work_list(p_kind text DEFAULT NULL, p_limit integer DEFAULT 50)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- reference.unmatched_values for the query role, most frequent first,
  -- optionally one kind (title, location, size, revenue, funding, type,
  -- industry): [{kind, raw_value, row_count}].
  SELECT coalesce(jsonb_agg(jsonb_build_object('kind', u.kind, 'raw_value', u.raw_value, 'row_count', u.row_count)
                            ORDER BY u.row_count DESC, u.kind, u.raw_value), '[]')
  FROM (SELECT * FROM reference.unmatched_values v
        WHERE p_kind IS NULL OR v.kind = p_kind
        ORDER BY v.row_count DESC, v.kind, v.raw_value
        LIMIT greatest(1, least(coalesce(p_limit, 50), 1000))) u;
$$;
COMMENT ON FUNCTION api.unmatched_work_list(text, integer) IS 'Dashboard: the unmatched raw values work list (reference.unmatched_values), most frequent first.';
