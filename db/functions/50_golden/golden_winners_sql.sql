CREATE OR REPLACE FUNCTION core.golden_winners_sql(p_entity text)
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  -- The statement of core.golden_winners for one entity, generated from
  -- reference.golden_fields: one probe per dimension table (its fields side
  -- by side in a VALUES list), then the survivorship rule, the one place it
  -- is written: per (key, field) the candidate whose source has the lowest
  -- reference.source_priority for the field (the field's row, else '*',
  -- else after every listed source), then the latest recency date, then the
  -- most recently updated row. Each winner comes out as one row per golden
  -- column with a value. Identifiers via %I; the literals are the map's.
  WITH t AS (
    SELECT f.dimension_table, min(f.key_column) AS key_column, min(f.current_column) AS current_column,
           string_agg(format('(%L, %s, %s, %s)', f.field,
             format('ARRAY[%s]::text[]', (SELECT string_agg(format('t.%I::text', c), ', ') FROM unnest(f.value_columns) AS c)),
             format('%L::text[]', f.golden_columns),
             CASE WHEN f.recency_column IS NULL THEN 'NULL::date' ELSE format('t.%I', f.recency_column) END), ', ' ORDER BY f.field) AS fields_values,
           string_agg(format('(f.field = %L AND num_nonnulls(%s) > 0)', f.field,
             (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(coalesce(f.any_of, f.value_columns)) AS c)), ' OR ') AS eligible
    FROM reference.golden_fields() f WHERE f.entity = p_entity
    GROUP BY f.dimension_table
  )
  SELECT format($sql$
    WITH d AS MATERIALIZED (SELECT DISTINCT u.k FROM unnest($1) AS u(k)),
    cand (key, field, vals, cols, recency, source, updated_at) AS (%s),
    best AS (
      SELECT DISTINCT ON (c.key, c.field) c.*
      FROM cand c
      LEFT JOIN reference.source_priority sf ON sf.field = c.field AND sf.source = c.source
      LEFT JOIN reference.source_priority sa ON sa.field = '*' AND sa.source = c.source
      ORDER BY c.key, c.field, coalesce(sf.priority, sa.priority, reference.source_rank(c.field, c.source)), c.recency DESC NULLS LAST, c.updated_at DESC
    )
    SELECT b.key, v.col, v.val, b.source FROM best b
    CROSS JOIN LATERAL unnest(b.cols, b.vals) AS v(col, val)
    WHERE v.val IS NOT NULL$sql$,
    string_agg(format(
      'SELECT t.%1$I, f.field, f.vals, f.cols, f.recency, t.source, t.updated_at FROM core.%2$I t JOIN d ON d.k = t.%1$I '
      'CROSS JOIN LATERAL (VALUES %3$s) AS f(field, vals, cols, recency) WHERE (%4$s)%5$s',
      t.key_column, t.dimension_table, t.fields_values, t.eligible,
      CASE WHEN t.current_column IS NULL THEN '' ELSE format(' AND t.%I', t.current_column) END), ' UNION ALL ' ORDER BY t.dimension_table))
  FROM t;
$$;
COMMENT ON FUNCTION core.golden_winners_sql(text) IS
  'Generates the survivorship statement of core.golden_winners for ''company'' or ''person'' from reference.golden_fields; identifiers via %I.';
