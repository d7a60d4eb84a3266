CREATE OR REPLACE FUNCTION core.dimension_rows(p_table regclass, p_key_column text, p_key text, p_sources jsonb, p_fields text[],
                                              p_rank_field text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The rows of one dimension table for one entity key, raw and matched values
-- side by side, best source first: [{source, wins: [golden fields this row's
-- source won], <the table's columns but the key and created_at>}]. p_sources
-- is the golden row's sources map (field -> winning source); p_fields the
-- golden fields this dimension feeds; p_rank_field the survivorship field
-- its rows compete for. The table is a constant of the caller.
DECLARE
  v_rows jsonb;
BEGIN
  EXECUTE format(
    'SELECT coalesce(jsonb_agg(jsonb_build_object(''source'', t.source,
              ''wins'', ARRAY(SELECT f FROM unnest($3) f WHERE $2 ->> f = t.source))
            || (to_jsonb(t) - ARRAY[%L, ''created_at'', ''source''])
            ORDER BY reference.source_rank(%L, t.source), t.updated_at DESC), ''[]'')
     FROM %s t WHERE t.%I = $1',
    p_key_column, p_rank_field, p_table, p_key_column)
    INTO v_rows USING p_key, p_sources, p_fields;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.dimension_rows(regclass, text, text, jsonb, text[], text) IS
  'Rows of one dimension table for one entity (raw beside matched), best source first, each with the golden fields its source won.';
