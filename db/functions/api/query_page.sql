CREATE OR REPLACE FUNCTION core.query_page(
  p_kind text, p_filters jsonb, p_extra text, p_limit integer, p_cursor text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- One keyset page of core.leads (p_kind 'leads', ordered by linkedin_url)
-- or core.companies_full ('companies', ordered by domain): the filters, an
-- extra condition built by the caller with format(%L), rows after p_cursor.
-- Returns {data: [rows with the table's column names], next_cursor}.
DECLARE
  v_key text := CASE p_kind WHEN 'leads' THEN 'linkedin_url' ELSE 'domain' END;
  v_rows jsonb;
BEGIN
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
    RAISE EXCEPTION 'limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'NULL') USING ERRCODE = '22023';
  END IF;
  EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(s) - %L ORDER BY s.%I), ''[]'') FROM (
                    SELECT t.* FROM core.%I t WHERE %s AND (%s) AND ($1::text IS NULL OR t.%I > $1)
                    ORDER BY t.%I LIMIT $2) s',
                 'updated_at', v_key,
                 CASE p_kind WHEN 'leads' THEN 'leads' ELSE 'companies_full' END,
                 core.filter_sql(p_filters, p_kind), coalesce(p_extra, 'true'), v_key, v_key)
    INTO v_rows USING p_cursor, p_limit + 1;
  RETURN jsonb_build_object(
    'data', CASE WHEN jsonb_array_length(v_rows) > p_limit THEN v_rows - p_limit ELSE v_rows END,
    'next_cursor', CASE WHEN jsonb_array_length(v_rows) > p_limit THEN v_rows -> (p_limit - 1) ->> v_key END);
END;
$$;
COMMENT ON FUNCTION core.query_page(text, jsonb, text, integer, text) IS 'Keyset page of leads or companies with filters and an extra condition: {data, next_cursor}.';
